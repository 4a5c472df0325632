/**
 * What the client overlays on the server's screen: the notification engine (mosh's
 * "Last contact N seconds ago" bar and connecting messages) and the prediction SPI's
 * providers: {@code mosh} (mosh 1.4.0's local echo, options {@code MOSH_PREDICTION_DISPLAY}
 * and {@code MOSH_PREDICTION_OVERWRITE}; beyond mosh, also of wide characters and combining
 * marks, and from the first key at a prompt that has echoed before unless
 * {@code JMOSH_PREDICTION_PROMPTS=no}) and {@code never} (no local echo).
 * No system properties are read.
 */
module dev.jmosh.predictor {
    requires transitive dev.jmosh.ssp;
    requires transitive dev.jmosh.vt;

    exports dev.jmosh.predictor;

    provides dev.jmosh.ssp.spi.PredictorProvider with
            dev.jmosh.predictor.internal.MoshPredictorProvider,
            dev.jmosh.predictor.internal.NeverPredictorProvider;
}
