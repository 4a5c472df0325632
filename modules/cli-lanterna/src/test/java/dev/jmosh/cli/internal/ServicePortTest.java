package dev.jmosh.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The ports mosh-client reached for these arguments (strace of its sendto, glibc 2.36), or its refusal. */
class ServicePortTest {

    @Test
    void portsReachedAsMoshClientReachesThem() {
        assertThat(ServicePort.of("60001")).hasValue(60001);
        assertThat(ServicePort.of("00099999")).hasValue(34463);
        assertThat(ServicePort.of("99999")).hasValue(34463);
        assertThat(ServicePort.of("65536")).hasValue(0);
        assertThat(ServicePort.of("0")).hasValue(0);
        assertThat(ServicePort.of("")).hasValue(0);
        assertThat(ServicePort.of("2147483647")).hasValue(65535);
        assertThat(ServicePort.of("4294967296")).hasValue(0);
        assertThat(ServicePort.of("4294967297")).hasValue(1);
        assertThat(ServicePort.of("4295032831")).hasValue(65535);
    }

    @Test
    void portsMoshClientRefuses() {
        for (String p : new String[] {"2147483648", "4294967295", "6442450944", "18446744073709551615",
            "18446744073709551617", "99999999999999999999999999"}) {
            assertThat(ServicePort.of(p)).as(p).isEqualTo(OptionalInt.empty());
        }
    }
}
