package dev.jmosh.cli.internal.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** Address text as getnameinfo writes it, and the family rules on numeric hosts (no resolver needed). */
class AddressResolverTest {

    private static String n(String literal) {
        return AddressResolver.numeric(InetAddress.ofLiteral(literal));
    }

    @Test
    void ipv6InItsShortestForm() {
        assertThat(n("0:0:0:0:0:0:0:1")).isEqualTo("::1");
        assertThat(n("::")).isEqualTo("::");
        assertThat(n("2001:db8:0:0:1:0:0:1")).isEqualTo("2001:db8::1:0:0:1");
        assertThat(n("2001:0db8:0000:0000:0000:ff00:0042:8329")).isEqualTo("2001:db8::ff00:42:8329");
        assertThat(n("2001:db8:0:1:1:1:1:1")).isEqualTo("2001:db8:0:1:1:1:1:1");
        assertThat(n("1:0:0:2:0:0:0:3")).isEqualTo("1:0:0:2::3");
        assertThat(n("fe80::1")).isEqualTo("fe80::1");
        assertThat(n("127.0.0.1")).isEqualTo("127.0.0.1");
    }

    @Test
    void familyRulesOnNumericHosts() throws Exception {
        assertThat(AddressResolver.resolve("jmosh", "::1", "all")).containsExactly(InetAddress.ofLiteral("::1"));
        assertThatThrownBy(() -> AddressResolver.resolve("jmosh", "::1", "inet"))
                .hasMessage("jmosh: could not get canonical name for ::1: Address family for hostname not supported\n");
        assertThatThrownBy(() -> AddressResolver.resolve("jmosh", "127.0.0.1", "prefer-x"))
                .hasMessage("jmosh: Invalid preferred family prefer-x\n");
    }
}
