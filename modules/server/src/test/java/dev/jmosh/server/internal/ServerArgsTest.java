package dev.jmosh.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** mosh-server's command line rules, including its getopt quirks. */
class ServerArgsTest {
    private static ServerArgs parse(Map<String, String> env, String... argv) throws ServerExit {
        return ServerArgs.parse("jmosh-server", argv, env);
    }

    @Test
    void newWithEveryOption() throws Exception {
        ServerArgs a = parse(Map.of(), "new", "-v", "-i", "127.0.0.1", "-p60010:60020", "-c", "256",
                "-l", "LANG=C.UTF-8", "-@", "ignored", "--", "vim", "file");
        assertThat(a.ip()).isEqualTo("127.0.0.1");
        assertThat(a.ports()).isEqualTo(new PortRange(60010, 60020));
        assertThat(a.term()).isEqualTo("xterm-256color");
        assertThat(a.verbose()).isEqualTo(1);
        assertThat(a.locales()).containsExactly("LANG=C.UTF-8");
        assertThat(a.command()).containsExactly("vim", "file");
        assertThat(a.warnings()).isEmpty();
    }

    @Test
    void defaultsAreTheLoginShellOnPorts60001To60999WithTermXterm() throws Exception {
        ServerArgs a = parse(Map.of(), "new");
        assertThat(a.command()).isEmpty();
        assertThat(a.ports()).isEqualTo(new PortRange(60001, 60999));
        assertThat(a.term()).isEqualTo("xterm");
        assertThat(parse(Map.of(), "new", "-c", "8").term()).isEqualTo("xterm");
    }

    @Test
    void unknownOptionsAreReportedUnderTheNameNewAndParsingGoesOn() throws Exception {
        ServerArgs a = parse(Map.of(), "new", "-x", "-vv", "stray", "-p");
        assertThat(a.verbose()).isEqualTo(2);
        assertThat(a.warnings()).startsWith("new: invalid option -- 'x'\nUsage: jmosh-server new ")
                .contains("new: option requires an argument -- 'p'\n");
    }

    @Test
    void sUsesWordThreeOfSshConnectionWithoutTheV4MappedPrefix() throws Exception {
        assertThat(parse(Map.of("SSH_CONNECTION", "10.0.0.1 5555 ::ffff:10.0.0.2 22"), "new", "-s").ip())
                .isEqualTo("10.0.0.2");
        ServerArgs none = parse(Map.of(), "new", "-i", "1.2.3.4", "-s");
        assertThat(none.ip()).isNull();
        assertThat(none.warnings()).isEqualTo("Warning: SSH_CONNECTION not found; binding to any interface.\n");
        assertThat(parse(Map.of("SSH_CONNECTION", "x y"), "new", "-s").warnings())
                .isEqualTo("Warning: Could not parse SSH_CONNECTION; binding to any interface.\n");
    }

    @Test
    void badPortsAndColoursExitWithStatusOne() {
        assertThatThrownBy(() -> parse(Map.of(), "new", "-p", "60013:60011"))
                .isInstanceOfSatisfying(ServerExit.class, e -> {
                    assertThat(e.status()).isEqualTo(1);
                    assertThat(e.stderr()).startsWith("Low port 60013 greater than high port 60011\n"
                            + "jmosh-server: Bad UDP port range (60013:60011)\nUsage: ");
                });
        assertThatThrownBy(() -> parse(Map.of(), "new", "-c", "x"))
                .isInstanceOfSatisfying(ServerExit.class, e ->
                        assertThat(e.stderr()).startsWith("jmosh-server: Bad number of colors (x)\n"));
    }

    @Test
    void helpAndVersionGoToStdoutWithStatusZeroEvenAfterOtherWords() {
        assertThatThrownBy(() -> parse(Map.of(), "new", "-v", "-h"))
                .isInstanceOfSatisfying(ServerExit.class, e -> {
                    assertThat(e.status()).isZero();
                    assertThat(e.stdout()).startsWith("Usage: jmosh-server new [-s]");
                });
        assertThatThrownBy(() -> parse(Map.of(), "--version"))
                .isInstanceOfSatisfying(ServerExit.class, e -> assertThat(e.stdout()).startsWith("jmosh-server ("));
    }

    @Test
    void newTakesACipherByNameBeyondMosh() throws Exception {
        assertThat(parse(Map.of(), "new", "-s", "--cipher", "chacha20-poly1305", "-c", "8").cipher())
                .isEqualTo("chacha20-poly1305");
        assertThat(parse(Map.of(), "new", "--cipher=x", "--", "--cipher", "y").cipher()).isEqualTo("x");
        assertThat(parse(Map.of(), "new").cipher()).isNull();
        assertThatThrownBy(() -> parse(Map.of(), "new", "--cipher"))
                .isInstanceOf(ServerExit.class)
                .satisfies(e -> assertThat(((ServerExit) e).stderr()).startsWith("jmosh-server: --cipher needs a cipher name\n"));
    }

    @Test
    void afterTheDoubleDashEverythingIsTheCommand() throws Exception {
        assertThat(parse(Map.of(), "new", "--", "ls", "-h", "--version").command()).isEqualTo(List.of("ls", "-h", "--version"));
    }

    @Test
    void theLegacyFormTakesAnAddressAndAPort() throws Exception {
        ServerArgs a = parse(Map.of(), "127.0.0.1", "60050");
        assertThat(a.ip()).isEqualTo("127.0.0.1");
        assertThat(a.ports()).isEqualTo(new PortRange(60050, 60050));
        assertThatThrownBy(() -> parse(Map.of(), "a", "b", "c")).isInstanceOf(ServerExit.class);
    }
}
