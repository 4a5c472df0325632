package dev.jmosh.cli.internal;

import java.math.BigInteger;
import java.util.OptionalInt;

/**
 * The UDP port a decimal PORT argument reaches, as mosh-client 1.4.0 computes it: it hands the
 * text to glibc's {@code getaddrinfo} as a numeric service, which reads it with {@code strtoul}
 * (saturating at 2^64-1), keeps the low 32 bits as a signed {@code int}, and, when that is not
 * negative, uses its low 16 bits as the port. So 99999 reaches port 34463, 65536 and the empty
 * string reach port 0 (where nothing can be sent), and 2147483648 or 4294967295 are refused with
 * "Servname not supported for ai_socktype" (checked against mosh-client on glibc 2.36).
 */
public final class ServicePort {
    private static final BigInteger ULONG_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private ServicePort() {
    }

    /**
     * The port {@code digits} (all ASCII digits, possibly empty) reaches, or empty when
     * {@code getaddrinfo} refuses it.
     */
    public static OptionalInt of(String digits) {
        if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("not all digits: " + digits);
        }
        BigInteger value = digits.isEmpty() ? BigInteger.ZERO : new BigInteger(digits).min(ULONG_MAX);
        int low32 = value.intValue(); // the low 32 bits, as C's conversion to int keeps them
        return low32 < 0 ? OptionalInt.empty() : OptionalInt.of(low32 & 0xFFFF);
    }
}
