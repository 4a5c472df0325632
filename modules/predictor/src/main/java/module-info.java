/**
 * What the client overlays on the server's screen: the notification engine (mosh's
 * "Last contact N seconds ago" bar and connecting messages) and the prediction SPI's
 * providers.
 */
module dev.jmosh.predictor {
    requires transitive dev.jmosh.ssp;
    requires transitive dev.jmosh.vt;

    exports dev.jmosh.predictor;

    provides dev.jmosh.ssp.spi.PredictorProvider with dev.jmosh.predictor.internal.NeverPredictorProvider;
}
