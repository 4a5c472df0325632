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

    /** Applies the policy to an explicit candidate list (for tests and embedders with their own loaders). */
    public static <P extends NamedProvider> P choose(Class<P> service, List<P> candidates, String explicitName) {
        String property = PROPERTIES.getOrDefault(service, service.getName());
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
