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
        boolean numeric = true;
        try {
            all = new ArrayList<>(List.of(InetAddress.ofLiteral(host)));
        } catch (IllegalArgumentException notNumeric) {
            numeric = false;
            try {
                all = new ArrayList<>(Arrays.asList(InetAddress.getAllByName(host)));
            } catch (UnknownHostException e) {
                throw new WrapperFailure(argv0 + ": could not get canonical name for " + host + ": "
                        + gaiText(e, host) + "\n", WrapperFailure.USAGE);
            }
        }
        if (only != null) {
            all.removeIf(a -> !only.isInstance(a));
            if (all.isEmpty()) {
                // getaddrinfo, asked for one family, answers for the other with these errors
                throw new WrapperFailure(argv0 + ": could not get canonical name for " + host + ": "
                        + (numeric ? "Address family for hostname not supported" : "Name or service not known") + "\n",
                        WrapperFailure.USAGE);
            }
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

    /**
     * The numeric form of {@code a}, as getnameinfo(NI_NUMERICHOST) writes it: IPv6 in RFC 5952's
     * short form ({@code ::1}, not the JDK's {@code 0:0:0:0:0:0:0:1}), with its scope if any.
     */
    static String numeric(InetAddress a) {
        if (!(a instanceof Inet6Address v6)) {
            return a.getHostAddress();
        }
        byte[] b = v6.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1; // a single zero group is not shortened
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder t = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                t.append("::");
                i += bestLength - 1;
                continue;
            }
            if (t.length() > 0 && t.charAt(t.length() - 1) != ':') {
                t.append(':');
            }
            t.append(Integer.toHexString(groups[i]));
        }
        String scope = v6.getScopedInterface() != null ? v6.getScopedInterface().getName()
                : v6.getScopeId() != 0 ? Integer.toString(v6.getScopeId()) : null;
        return scope == null ? t.toString() : t + "%" + scope;
    }
}
