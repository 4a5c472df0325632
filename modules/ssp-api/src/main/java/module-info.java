/**
 * The jmosh State Synchronization Protocol API: value types shared by every layer and the four
 * service provider interfaces through which a cipher, a datagram transport, a state type and a
 * prediction engine are plugged in.
 *
 * <p>This module depends on nothing but {@code java.base}. Implementations are found with
 * {@link java.util.ServiceLoader} through {@link dev.jmosh.ssp.Providers#select}, which honours
 * each service's system property, named by its {@code PROPERTY} field (an explicit name always
 * wins):
 * <ul>
 *   <li>{@code jmosh.cipher} &mdash; {@link dev.jmosh.ssp.spi.CipherProvider} name (a client takes
 *       the cipher its key names, {@link dev.jmosh.ssp.Providers#cipher}; a server mosh's
 *       {@code aes-128-ocb} unless told otherwise)</li>
 *   <li>{@code jmosh.transport} &mdash; {@link dev.jmosh.ssp.spi.TransportProvider} name</li>
 *   <li>{@code jmosh.state} &mdash; {@link dev.jmosh.ssp.spi.StateTypeProvider} name (default
 *       {@code mosh})</li>
 *   <li>{@code jmosh.predictor} &mdash; {@link dev.jmosh.ssp.spi.PredictorProvider} name ({@code mosh}
 *       or {@code never}; jmosh's client defaults to the one its prediction options ask for)</li>
 * </ul>
 */
module dev.jmosh.ssp {
    exports dev.jmosh.ssp;
    exports dev.jmosh.ssp.spi;

    uses dev.jmosh.ssp.spi.CipherProvider;
    uses dev.jmosh.ssp.spi.TransportProvider;
    uses dev.jmosh.ssp.spi.StateTypeProvider;
    uses dev.jmosh.ssp.spi.PredictorProvider;
}
