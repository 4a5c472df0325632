package dev.jmosh.cli.internal.bootstrap;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * mosh.pl's {@code resolvename}: the addresses of a host, filtered or ordered by the
 * {@code --family} rule: {@code inet}/{@code inet6} keep one family, {@code prefer-inet}/
 * {@code prefer-inet6} put one family first, {@code all} keeps the resolver's order, and any
 * other rule ({@code auto}) refuses a host that has addresses of both families.
 *
 * <p>mosh asks getaddrinfo for the canonical name and resolves that again; this resolves the
 * name once, which gives the same addresses for every name that is not a CNAME to a different
 * address set.
 */
final class AddressResolver {
    private AddressResolver() {
    }

    /** The candidate addresses of {@code host} under {@code family}, in the order to try them. */
    static List<InetAddress> resolve(String argv0, String host, String family) throws WrapperFailure {
        Class<? extends InetAddress> only = switch (family) {
            case "inet" -> Inet4Address.class;
            case "inet6" -> Inet6Address.class;
            default -> null;
        };
        List<InetAddress> all;
        try {
            all = new ArrayList<>(List.of(InetAddress.ofLiteral(host)));
        } catch (IllegalArgumentException notNumeric) {
            try {
                all = new ArrayList<>(Arrays.asList(InetAddress.getAllByName(host)));
            } catch (UnknownHostException e) {
                throw new WrapperFailure(argv0 + ": could not get canonical name for " + host + ": "
                        + gaiText(e, host) + "\n", WrapperFailure.USAGE);
            }
        }
        if (only != null) {
            all.removeIf(a -> !only.isInstance(a));
        } else if (family.startsWith("prefer-")) {
            Class<? extends InetAddress> first = switch (family) {
                case "prefer-inet" -> Inet4Address.class;
                case "prefer-inet6" -> Inet6Address.class;
                default -> throw new WrapperFailure(argv0 + ": Invalid preferred family " + family + "\n",
                        WrapperFailure.USAGE);
            };
            List<InetAddress> ordered = new ArrayList<>(all.stream().filter(first::isInstance).toList());
            all.stream().filter(a -> !first.isInstance(a)).forEach(ordered::add);
            all = ordered;
        } else if (!family.equals("all")) {
            if (all.stream().map(InetAddress::getClass).distinct().count() > 1) {
                throw new WrapperFailure(argv0 + ": host has both IPv4 and IPv6 addresses, use --family to specify behavior\n",
                        WrapperFailure.USAGE);
            }
        }
        return all;
    }

    /** The resolver's own words ("Name or service not known") from the JDK's exception. */
    private static String gaiText(UnknownHostException e, String host) {
        String m = e.getMessage();
        if (m == null) {
            return "Name or service not known";
        }
        return m.startsWith(host + ": ") ? m.substring(host.length() + 2) : m;
    }

    /** The numeric form of {@code a}, as getnameinfo(NI_NUMERICHOST) writes it. */
    static String numeric(InetAddress a) {
        return a.getHostAddress();
    }
}
