package dev.jmosh.ssp.spi;

/** A service provider that users choose by name. */
public interface NamedProvider {
    /** The short name users pass on the command line or in a system property, e.g. {@code "aes-ocb"}. */
    String name();
}
