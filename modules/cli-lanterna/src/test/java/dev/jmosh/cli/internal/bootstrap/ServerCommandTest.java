package dev.jmosh.cli.internal.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The server's arguments as mosh.pl builds them. */
class ServerCommandTest {

    private static WrapperOptions options(String... argv) throws WrapperFailure {
        return WrapperOptions.parse("jmosh", argv, Map.of()).options();
    }

    @Test
    void defaultsBindToTheSshAddressAndPassTheLocale() throws Exception {
        assertThat(ServerCommand.arguments(options("h"), "256", Map.of("LC_ALL", "C.UTF-8", "LANG", "en_US.UTF-8", "HOME", "/x")))
                .containsExactly("new", "-c", "256", "-s", "-l", "LANG=en_US.UTF-8", "-l", "LC_ALL=C.UTF-8");
    }

    @Test
    void bindPortAndCommand() throws Exception {
        assertThat(ServerCommand.arguments(options("--bind-server=any", "-p", "60010:60020", "h", "--", "ls", "-l"), "8", Map.of()))
                .containsExactly("new", "-c", "8", "-p", "60010:60020", "--", "ls", "-l");
        assertThat(ServerCommand.arguments(options("--bind-server=10.1.2.3", "h"), "8", Map.of()))
                .containsExactly("new", "-c", "8", "-i", "10.1.2.3");
        assertThat(ServerCommand.arguments(options("--bind-server=SSH", "h"), "8", Map.of()))
                .containsExactly("new", "-c", "8", "-s");
        assertThat(ServerCommand.arguments(options("--local", "127.0.0.2"), "8", Map.of()))
                .containsExactly("new", "-c", "8", "-i", "127.0.0.2");
    }

    @Test
    void aCipherGoesToTheServerBeforeTheCommand() throws Exception {
        assertThat(ServerCommand.arguments(options("--cipher=chacha20-poly1305", "h", "--", "top"), "8", Map.of()))
                .containsExactly("new", "-c", "8", "-s", "--cipher", "chacha20-poly1305", "--", "top");
    }
}
