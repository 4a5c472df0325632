package dev.jmosh.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** network.cc's parse_portrange, message for message. */
class PortRangeTest {
    @Test
    void portsAndRanges() {
        assertThat(PortRange.parse("60001")).isEqualTo(new PortRange(60001, 60001));
        assertThat(PortRange.parse("0")).isEqualTo(new PortRange(0, 0));
        assertThat(PortRange.parse("")).isEqualTo(new PortRange(0, 0));
        assertThat(PortRange.parse("60011:60013")).isEqualTo(new PortRange(60011, 60013));
    }

    @Test
    void everyComplaint() {
        assertThatThrownBy(() -> PortRange.parse("abc")).hasMessage("Invalid (low) port number (abc)\n");
        assertThatThrownBy(() -> PortRange.parse("70000")).hasMessage("(Low) port number 70000 outside valid range [0..65535]\n");
        assertThatThrownBy(() -> PortRange.parse("1:x")).hasMessage("Invalid high port number (x)\n");
        assertThatThrownBy(() -> PortRange.parse("1:70000")).hasMessage("High port number 70000 outside valid range [0..65535]\n");
        assertThatThrownBy(() -> PortRange.parse("9:8")).hasMessage("Low port 9 greater than high port 8\n");
        assertThatThrownBy(() -> PortRange.parse("0:8")).hasMessage("Low port 0 incompatible with port ranges\n");
    }
}
