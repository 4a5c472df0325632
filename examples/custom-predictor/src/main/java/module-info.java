/**
 * An example of the prediction SPI: a {@link dev.jmosh.ssp.spi.PredictorProvider} named
 * {@code keycount} that shows, in the top-right corner, how many keys were typed and how many of
 * them the server has not yet confirmed. Selected by name from code
 * ({@code ClientConfig.builder(...).prediction("keycount", Map.of())}) or from the command line
 * ({@code JMOSH_PLUGIN_PATH=this.jar JMOSH_JAVA_OPTS=-Djmosh.predictor=keycount jmosh ...}).
 */
module dev.jmosh.examples.predictor {
    requires dev.jmosh.ssp;
    requires dev.jmosh.vt;

    provides dev.jmosh.ssp.spi.PredictorProvider with dev.jmosh.examples.predictor.KeyCountProvider;
}
