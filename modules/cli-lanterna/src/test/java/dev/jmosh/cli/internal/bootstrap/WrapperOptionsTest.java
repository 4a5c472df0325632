package dev.jmosh.cli.internal.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The wrapper's command line against what mosh 1.4.0's mosh.pl does with the same arguments
 * (Getopt::Long's answers were taken from perl 5.36 with mosh.pl's option table).
 */
class WrapperOptionsTest {
    private static final Map<String, String> NO_ENV = Map.of();

    private static WrapperOptions ok(String... argv) throws WrapperFailure {
        WrapperOptions.Parsed p = WrapperOptions.parse("jmosh", argv, NO_ENV);
        assertThat(p.early()).isEqualTo(WrapperOptions.Early.NONE);
        return p.options();
    }

    private static String failure(String... argv) {
        try {
            WrapperOptions.parse("jmosh", argv, NO_ENV);
        } catch (WrapperFailure e) {
            assertThat(e.status()).isEqualTo(255);
            return e.getMessage().lines().findFirst().orElse("");
        }
        throw new AssertionError("accepted: " + List.of(argv));
    }

    @Test
    void optionsMayFollowTheHostUntilDoubleDash() throws Exception {
        assertThat(ok("h", "-p", "60001").port()).isEqualTo("60001");
        assertThat(ok("h", "--", "ls", "-l").operands()).containsExactly("h", "ls", "-l");
        // as in mosh, "-l" after the host is --local (a unique prefix), not the command's flag
        assertThat(ok("h", "ls", "-l").local()).isTrue();
        assertThat(ok("-", "h").operands()).containsExactly("-", "h");
    }

    @Test
    void namesAreCaseInsensitiveAndMayBeShortened() throws Exception {
        assertThat(ok("-P", "5", "h").port()).isEqualTo("5");
        assertThat(ok("--SSH=x y", "h").ssh()).containsExactly("x", "y");
        assertThat(ok("-ssh=x", "h").ssh()).containsExactly("x");
        assertThat(ok("--fam", "inet6", "h").family()).isEqualTo("inet6");
        assertThat(ok("--exp=remote", "h").remoteIp()).isEqualTo("remote");
        assertThat(ok("--bind=any", "h").bindServer()).isEqualTo("any");
        assertThat(ok("--predict-o", "h").overwrite()).isTrue();
        // an exact name wins over a longer one it is a prefix of
        assertThat(ok("--ssh", "x", "h").ssh()).containsExactly("x");
    }

    @Test
    void negationsAndSingleLetters() throws Exception {
        assertThat(ok("--no-init", "h").termInit()).isFalse();
        assertThat(ok("--noinit", "h").termInit()).isFalse();
        assertThat(ok("--noi", "h").termInit()).isFalse();
        assertThat(ok("--no-ssh-pty", "h").sshPty()).isFalse();
        assertThat(ok("--nossh", "h").sshPty()).isFalse();
        assertThat(ok("-o", "h").overwrite()).isTrue();
        assertThat(ok("-o", "--no-o", "h").overwrite()).isFalse();
        assertThat(ok("-a", "h").predict()).isEqualTo("always");
        assertThat(ok("-a", "-n", "h").predict()).isEqualTo("never");
        assertThat(ok("-4", "h").family()).isEqualTo("inet");
        assertThat(ok("-6", "h").family()).isEqualTo("inet6");
        assertThat(ok("-p=60001", "h").port()).isEqualTo("60001");
    }

    @Test
    void aStringOptionTakesTheNextArgumentWhateverItIs() throws Exception {
        assertThat(ok("--ssh", "-p", "h").ssh()).containsExactly("-p");
        assertThat(ok("--predict", "never", "h").predict()).isEqualTo("never");
        assertThat(ok("--ssh", "--", "h").ssh()).containsExactly("--");
    }

    @Test
    void getoptMessages() {
        assertThat(failure("-p60001", "h")).isEqualTo("Unknown option: p60001");
        assertThat(failure("-an", "h")).isEqualTo("Unknown option: an");
        assertThat(failure("---ssh=x", "h")).isEqualTo("Unknown option: -ssh");
        assertThat(failure("--no-local", "h")).isEqualTo("Unknown option: no-local");
        assertThat(failure("-s", "h")).isEqualTo("Option s is ambiguous (server, ssh, ssh-pty)");
        assertThat(failure("-ss", "h")).isEqualTo("Option ss is ambiguous (ssh, ssh-pty)");
        assertThat(failure("--Pre", "h")).isEqualTo("Option pre is ambiguous (predict, predict-overwrite)");
        assertThat(failure("--f", "x", "h")).isEqualTo("Option f is ambiguous (fake-proxy, family)");
        assertThat(failure("--PORT")).isEqualTo("Option port requires an argument");
        assertThat(failure("--ssh=", "h")).isEqualTo("Option ssh requires an argument");
        assertThat(failure("--help=1")).isEqualTo("Option help does not take an argument");
        assertThat(failure("--no-init=x")).isEqualTo("Option no-init does not take an argument");
        assertThat(failure("h", "a", "-b")).isEqualTo("Option bind-server requires an argument");
    }

    @Test
    void everyGetoptProblemIsReportedThenTheUsage() {
        try {
            WrapperOptions.parse("jmosh", new String[] {"--bogus", "--also", "h"}, NO_ENV);
            throw new AssertionError("accepted");
        } catch (WrapperFailure e) {
            assertThat(e.getMessage()).startsWith("Unknown option: bogus\nUnknown option: also\nUsage: jmosh [options]");
        }
    }

    @Test
    void helpAndVersionWinUnlessTheLineIsBad() throws Exception {
        assertThat(WrapperOptions.parse("jmosh", new String[] {"h", "--version"}, NO_ENV).early())
                .isEqualTo(WrapperOptions.Early.VERSION);
        assertThat(WrapperOptions.parse("jmosh", new String[] {"-h"}, NO_ENV).early()).isEqualTo(WrapperOptions.Early.HELP);
        assertThat(failure("--help", "--bogus")).isEqualTo("Unknown option: bogus");
    }

    @Test
    void predictionModeFromTheLineOrTheEnvironment() throws Exception {
        assertThat(ok("h").predict()).isEqualTo("adaptive");
        assertThat(WrapperOptions.parse("jmosh", new String[] {"h"}, Map.of("MOSH_PREDICTION_DISPLAY", "always"))
                .options().predict()).isEqualTo("always");
        assertThat(failure("--predict=foo", "h")).isEqualTo("jmosh: Unknown mode \"foo\".");
        assertThatThrownBy(() -> WrapperOptions.parse("jmosh", new String[] {"h"}, Map.of("MOSH_PREDICTION_DISPLAY", "x")))
                .hasMessageStartingWith("jmosh: Unknown mode \"x\" (MOSH_PREDICTION_DISPLAY in environment).\n\nUsage:");
    }

    @Test
    void portAndParameterChecks() {
        assertThat(failure("-p", "70000", "h")).isEqualTo("jmosh: Server-side (low) port (70000) must be within valid range [0..65535].");
        assertThat(failure("-p", "abc", "h")).isEqualTo("jmosh: Server-side port or range (abc) is not valid.");
        assertThat(failure("-p", "-5", "h")).isEqualTo("jmosh: Server-side port or range (-5) is not valid.");
        assertThat(failure("-p", "0:5", "h")).isEqualTo("jmosh: Server-side port ranges may not be used with starting port 0 (0:5).");
        assertThat(failure("-p", "5:0", "h")).isEqualTo("jmosh: Server-side high port (0) must be within valid range [1..65535].");
        assertThat(failure("-p", "6:5", "h")).isEqualTo("jmosh: Server-side port range (6:5): low port greater than high port.");
        assertThat(failure("--experimental-remote-ip=foo", "h")).isEqualTo("Unknown parameter foo");
        assertThat(failure()).isEqualTo("Usage: jmosh [options] [--] [user@]host [command...]");
    }

    @Test
    void localNeedsNoHost() throws Exception {
        WrapperOptions o = ok("--local");
        assertThat(o.userHost()).isEqualTo("127.0.0.1");
        assertThat(o.command()).isEmpty();
        assertThat(ok("--local", "--", "/bin/sh", "-c", "x").command()).containsExactly("/bin/sh", "-c", "x");
        assertThat(ok("--local", "--", "/bin/sh", "-c", "x").userHost()).isEqualTo("127.0.0.1");
        WrapperOptions host = ok("--local", "127.0.0.2", "--", "/bin/sh");
        assertThat(host.userHost()).isEqualTo("127.0.0.2");
        assertThat(host.command()).containsExactly("/bin/sh");
        assertThat(ok("--local", "--", "::1", "sh").userHost()).isEqualTo("::1");
        // without --local the first operand is always the host, as in mosh
        assertThat(ok("--", "sh", "x").userHost()).isEqualTo("sh");
    }
}
