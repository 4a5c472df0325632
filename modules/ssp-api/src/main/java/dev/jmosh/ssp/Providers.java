package dev.jmosh.ssp;

import dev.jmosh.ssp.spi.CipherProvider;
import dev.jmosh.ssp.spi.NamedProvider;
import dev.jmosh.ssp.spi.StateTypeProvider;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * The one provider-selection policy of jmosh: an explicit name (a flag, else the service's
 * system property) wins; otherwise {@link ServiceLoader} must find exactly one provider. Any
 * other outcome is an error whose message lists the candidates.
 */
public final class Providers {
    private Providers() {
    }

    /**
     * The system property that names {@code service}'s provider: the service's own public
     * static {@code PROPERTY} field (every SPI of jmosh has one), else the service's class name.
     */
    static String property(Class<?> service) {
        try {
            java.lang.reflect.Field f = service.getField("PROPERTY");
            if (java.lang.reflect.Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                return (String) f.get(null);
            }
        } catch (NoSuchFieldException | IllegalAccessException e) {
            // no such field, or not readable: the class name it is
        }
        return service.getName();
    }

    /** Every provider of {@code service}, which may be an embedder's own SPI (this module then declares its use). */
    private static <P> List<P> found(Class<P> service) {
        Module self = Providers.class.getModule();
        if (!self.canUse(service)) {
            self.addUses(service);
        }
        return ServiceLoader.load(service).stream().map(ServiceLoader.Provider::get).collect(Collectors.toList());
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
        List<P> found = found(service);
        return choose(service, found, explicitName);
    }

    /**
     * Selects a provider of {@code service} with a fallback: an explicit name, else the system
     * property, else {@code fallbackName} when more than one provider is present (where only
     * one is, it is taken as always).
     */
    public static <P extends NamedProvider> P select(Class<P> service, String explicitName, String fallbackName) {
        List<P> found = found(service);
        String name = explicitName != null ? explicitName : System.getProperty(property(service));
        if ((name == null || name.isEmpty()) && found.size() > 1) {
            name = fallbackName;
        }
        return choose(service, found, name);
    }

    /**
     * The pair of state types named {@code explicitName}, else by the {@code jmosh.state}
     * property, else mosh's ({@value StateTypeProvider#MOSH}) when several are present; a
     * program that needs particular types checks them with {@link StateTypeProvider#as}.
     */
    public static StateTypeProvider<?, ?> stateTypes(String explicitName) {
        @SuppressWarnings("unchecked") // a class literal cannot carry the wildcards
        Class<StateTypeProvider<?, ?>> service = (Class<StateTypeProvider<?, ?>>) (Class<?>) StateTypeProvider.class;
        return select(service, explicitName, StateTypeProvider.MOSH);
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
