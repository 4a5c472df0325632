package dev.jmosh.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmosh.pty.LocalSocket;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RendezvousTest {
    @TempDir
    Path tmp;

    @Test
    void theDirectoryIsMadePrivateAndOneServerHoldsIt() throws IOException {
        Path dir = tmp.resolve("jmosh-1");
        Optional<Rendezvous> first = Rendezvous.claim(dir);
        assertThat(first).isPresent();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        assertThat(Rendezvous.claim(dir)).as("held").isEmpty();
        first.get().release();
        Optional<Rendezvous> again = Rendezvous.claim(dir);
        assertThat(again).as("released").isPresent();
        again.get().release();
    }

    @Test
    void aDirectoryOpenToOthersOrALinkIsRefusedInOneLine() throws IOException {
        Path open = Files.createDirectory(tmp.resolve("open"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThatThrownBy(() -> Rendezvous.claim(open)).isInstanceOf(IOException.class)
                .hasMessage(open + " is open to other users (rwxr-xr-x); it must be rwx------");
        Path target = Files.createDirectory(tmp.resolve("target"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path link = Files.createSymbolicLink(tmp.resolve("link"), target);
        assertThatThrownBy(() -> Rendezvous.claim(link)).hasMessage(link + " is not a directory");
    }

    @Test
    void publishingMakesTheSocketAndPidFileAndWithdrawingRemovesThem() throws IOException {
        Path dir = tmp.resolve("jmosh-2");
        Rendezvous r = Rendezvous.claim(dir).orElseThrow();
        Files.writeString(dir.resolve(Rendezvous.SOCKET), "a stale regular file");
        try (LocalSocket socket = r.publish()) {
            assertThat(Files.readAttributes(dir.resolve(Rendezvous.SOCKET), java.nio.file.attribute.BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS).isOther()).as("a socket").isTrue();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(Rendezvous.SOCKET),
                    LinkOption.NOFOLLOW_LINKS))).isEqualTo("rw-------");
            assertThat(Files.readString(dir.resolve("pid")).strip())
                    .isEqualTo(Long.toString(ProcessHandle.current().pid()));
        }
        r.withdraw();
        assertThat(dir.resolve(Rendezvous.SOCKET)).doesNotExist();
        assertThat(dir.resolve("pid")).doesNotExist();
        r.release();
    }

    @Test
    void aNewServerWaitsForAnEndingOneAndTakesItsPlace() throws Exception {
        Path dir = tmp.resolve("jmosh-3");
        Rendezvous ending = Rendezvous.claim(dir).orElseThrow();
        assertThat(dir.resolve("pid")).as("withdrawn: no pid file").doesNotExist();
        Thread leaving = new Thread(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
            ending.release();
        });
        leaving.start();
        Optional<Rendezvous> next = Rendezvous.claim(dir, 5_000);
        assertThat(next).as("claimed once the ending server let go").isPresent();
        next.get().release();
        leaving.join();
    }

    @Test
    void aNewServerDoesNotWaitForOneThatListens() throws IOException {
        Path dir = tmp.resolve("jmosh-4");
        Rendezvous serving = Rendezvous.claim(dir).orElseThrow();
        try (LocalSocket requests = serving.publish()) {
            long start = System.nanoTime();
            assertThat(Rendezvous.claim(dir, 5_000)).isEmpty();
            assertThat(System.nanoTime() - start).as("no wait").isLessThan(2_000_000_000L);
        }
        serving.release();
    }
}
