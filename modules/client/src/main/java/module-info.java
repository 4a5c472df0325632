/**
 * A headless mosh client session: SSP over the selected cipher and transport, the user stream
 * going up and the terminal state coming down, with no user interface. Used by the terminal UI,
 * by tests and by embedders. The prediction engine is chosen by
 * {@code dev.jmosh.client.ClientConfig#predictorName} (which reads the system property
 * {@code jmosh.predictor}).
 */
module dev.jmosh.client {
    requires transitive dev.jmosh.ssp;
    requires transitive dev.jmosh.vt;
    requires transitive dev.jmosh.predictor;
    requires dev.jmosh.ssp.core;
    requires dev.jmosh.statesync;

    exports dev.jmosh.client;

    uses dev.jmosh.ssp.spi.CipherProvider;
    uses dev.jmosh.ssp.spi.TransportProvider;
    uses dev.jmosh.ssp.spi.StateTypeProvider;
    uses dev.jmosh.ssp.spi.PredictorProvider;
}
