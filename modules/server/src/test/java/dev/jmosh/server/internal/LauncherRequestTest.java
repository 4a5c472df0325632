package dev.jmosh.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherRequestTest {
    @TempDir
    Path tmp;

    @Test
    void wordsAreNulEndedAndALastWordWithoutItsNulCounts() {
        assertThat(LauncherRequest.nulSeparated("jmosh-server\0new\0-p\0\0x y\0".getBytes()))
                .containsExactly("jmosh-server", "new", "-p", "", "x y");
        assertThat(LauncherRequest.nulSeparated("a\0b".getBytes())).containsExactly("a", "b");
        assertThat(LauncherRequest.nulSeparated(new byte[0])).isEmpty();
    }

    @Test
    void aRequestIsReadFromItsFileAndTheLaunchersProcessThenTheFileIsGone() throws IOException {
        Rendezvous r = Rendezvous.claim(tmp.resolve("jmosh")).orElseThrow();
        long self = ProcessHandle.current().pid();
        Files.writeString(r.requestFile(self), "jmosh-server\0new\0-p\0" + "0\0--\0sleep\0" + "9\0");
        SessionRequest req = LauncherRequest.read(r, self);
        assertThat(req.program()).isEqualTo("jmosh-server");
        assertThat(req.argv()).isEqualTo(List.of("new", "-p", "0", "--", "sleep", "9"));
        assertThat(req.environment()).as("this process's own environment").containsEntry("PATH", System.getenv("PATH"));
        assertThat(r.requestFile(self)).doesNotExist();
        r.release();
    }

    @Test
    void aRequestInTheNameOfAnotherUsersProcessIsRefused() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Rendezvous.uidOf(Path.of("/proc/self")) == 0
                && Files.isExecutable(Path.of("/usr/bin/setpriv")), "needs root and setpriv to run a process as nobody");
        Rendezvous r = Rendezvous.claim(tmp.resolve("jmosh")).orElseThrow();
        Process other = new ProcessBuilder("/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                "sleep", "30").start();
        try {
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (Rendezvous.uidOf(Path.of("/proc", Long.toString(other.pid()))) != 65534
                    && System.nanoTime() < deadline) {
                Thread.sleep(10); // setpriv drops its privileges before it execs sleep
            }
            Files.writeString(r.requestFile(other.pid()), "jmosh-server\0new\0");
            assertThatThrownBy(() -> LauncherRequest.read(r, other.pid()))
                    .hasMessage("process " + other.pid() + " belongs to another user");
            assertThat(r.requestFile(other.pid())).doesNotExist();
        } finally {
            other.destroyForcibly();
            r.release();
        }
    }

    @Test
    void aMissingOrOversizedRequestIsRefusedAndRemoved() throws IOException {
        Rendezvous r = Rendezvous.claim(tmp.resolve("jmosh")).orElseThrow();
        long self = ProcessHandle.current().pid();
        assertThatThrownBy(() -> LauncherRequest.read(r, self)).isInstanceOf(IOException.class);
        Files.write(r.requestFile(self), new byte[(int) LauncherRequest.MAX_REQUEST_BYTES + 1]);
        assertThatThrownBy(() -> LauncherRequest.read(r, self)).hasMessageContaining("more than");
        assertThat(r.requestFile(self)).doesNotExist();
        assertThatThrownBy(() -> LauncherRequest.read(r, 999_999_999L)).as("no such process")
                .isInstanceOf(IOException.class);
        r.release();
    }
}
