package dev.jmosh.ssp;

import dev.jmosh.ssp.spi.CipherProvider;
import dev.jmosh.ssp.spi.NamedProvider;
import dev.jmosh.ssp.spi.PredictorProvider;
import dev.jmosh.ssp.spi.StateTypeProvider;
import dev.jmosh.ssp.spi.TransportProvider;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * The one provider-selection policy of jmosh: an explicit name (a flag, else the service's
 * system property) wins; otherwise {@link ServiceLoader} must find exactly one provider. Any
 * other outcome is an error whose message lists the candidates.
 */
public final class Providers {
    private static final Map<Class<?>, String> PROPERTIES = Map.of(
            CipherProvider.class, CipherProvider.PROPERTY,
            TransportProvider.class, TransportProvider.PROPERTY,
            StateTypeProvider.class, StateTypeProvider.PROPERTY,
            PredictorProvider.class, PredictorProvider.PROPERTY);

    private Providers() {
    }

    private static String property(Class<?> service) {
        return PROPERTIES.getOrDefault(service, service.getName());
    }

    /** Selects a provider of {@code service}, honouring its system property. */
    public static <P extends NamedProvider> P select(Class<P> service) {
        return select(service, null);
    }

    /**
     * Selects a provider of {@code service}.
     *
     * @param explicitName a name from a flag, or null to fall back to the system property
     * @throws ProviderSelectionException when nothing or more than one provider matches
     */
    public static <P extends NamedProvider> P select(Class<P> service, String explicitName) {
        List<P> found = ServiceLoader.load(service).stream()
                .map(ServiceLoader.Provider::get).collect(Collectors.toList());
        return choose(service, found, explicitName);
    }

    /**
     * Selects a provider of {@code service} with a fallback: an explicit name, else the system
     * property, else {@code fallbackName} when more than one provider is present (where only
     * one is, it is taken as always).
     */
    public static <P extends NamedProvider> P select(Class<P> service, String explicitName, String fallbackName) {
        List<P> found = ServiceLoader.load(service).stream()
                .map(ServiceLoader.Provider::get).collect(Collectors.toList());
        String name = explicitName != null ? explicitName : System.getProperty(property(service));
        if ((name == null || name.isEmpty()) && found.size() > 1) {
            name = fallbackName;
        }
        return choose(service, found, name);
    }

    /**
     * The cipher for {@code key}, from the provider named in the key. A cipher asked for by name
     * ({@code requestedName}, else the {@code jmosh.cipher} property) must be the key's: two ends
     * told different ciphers fail here, before any datagram is sealed or opened.
     *
     * @throws ProviderSelectionException in one line: the key is for another cipher, no provider
     *     has the key's name, or the key's length is not the cipher's
     */
    public static PacketCipher cipher(SessionKey key, String requestedName) {
        String asked = requestedName != null ? requestedName : System.getProperty(CipherProvider.PROPERTY);
        if (asked != null && !asked.isEmpty() && !asked.equals(key.cipher())) {
            throw new ProviderSelectionException("the session key is for " + key.cipher() + ", not " + asked);
        }
        CipherProvider provider = select(CipherProvider.class, key.cipher());
        if (provider.keyBytes() != key.length()) {
            throw new ProviderSelectionException("a " + key.cipher() + " key has " + provider.keyBytes()
                    + " bytes, not " + key.length());
        }
        return provider.create(key);
    }

    /** Applies the policy to an explicit candidate list (for tests and embedders with their own loaders). */
    public static <P extends NamedProvider> P choose(Class<P> service, List<P> candidates, String explicitName) {
        String property = property(service);
        String name = explicitName != null ? explicitName : System.getProperty(property);
        String names = candidates.stream().map(NamedProvider::name).sorted()
                .collect(Collectors.joining(", "));
        if (name != null && !name.isEmpty()) {
            List<P> named = candidates.stream().filter(p -> p.name().equals(name)).collect(Collectors.toList());
            if (named.size() == 1) {
                return named.get(0);
            }
            throw new ProviderSelectionException(named.isEmpty()
                    ? "no " + service.getSimpleName() + " named '" + name + "'; candidates: "
                            + (names.isEmpty() ? "none" : names)
                    : "several " + service.getSimpleName() + " providers are named '" + name + "'");
        }
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        throw new ProviderSelectionException(candidates.isEmpty()
                ? "no " + service.getSimpleName() + " found on the module path"
                : "several " + service.getSimpleName() + " providers found (" + names
                        + "); choose one with -D" + property + "=NAME");
    }
}
