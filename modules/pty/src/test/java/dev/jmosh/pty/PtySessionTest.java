package dev.jmosh.pty;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The child's session, controlling terminal and inherited state (pty-ffm.md pitfalls 1-5). */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PtySessionTest {
    @Test
    void ttyIsTheSlave() throws Exception {
        try (Pty pty = Pty.spawn(Specs.command("tty", "tty"))) {
            String out = Transcript.of(pty).awaitEof();
            assertThat(out).isEqualTo(pty.slavePath() + "\r\n").matches("/dev/pts/\\d+\r\n");
        }
    }

    /** A plain program, not bash (which reopens its tty by name and so hides a missing ctty). */
    @Test
    void childLeadsItsSessionWithTheSlaveAsControllingTerminal() throws Exception {
        try (Pty pty = Pty.spawn(Specs.command("cat", "cat", "/proc/self/stat"))) {
            String stat = Transcript.of(pty).awaitEof().trim();
            // pid (comm) state ppid pgrp session tty_nr tpgid ...
            List<String> f = Arrays.asList(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
            long pid = Long.parseLong(stat.substring(0, stat.indexOf(' ')));
            assertThat(pid).isEqualTo(pty.pid());
            assertThat(Long.parseLong(f.get(1))).as("ppid").isEqualTo(ProcessHandle.current().pid());
            assertThat(Long.parseLong(f.get(2))).as("pgrp").isEqualTo(pid);
            assertThat(Long.parseLong(f.get(3))).as("session").isEqualTo(pid);
            assertThat(Long.parseLong(f.get(4))).as("tty_nr").isNotZero();
            assertThat(Long.parseLong(f.get(5))).as("tpgid").isEqualTo(pid);
        }
    }

    @Test
    void devTtyOpensInAPlainShell() throws Exception {
        try (Pty pty = Pty.spawn(Specs.sh("echo hi > /dev/tty && echo ok=$?"))) {
            assertThat(Transcript.of(pty).awaitEof()).isEqualTo("hi\r\nok=0\r\n");
        }
    }

    @Test
    void noDescriptorOfTheJvmIsInherited() throws Exception {
        try (Pty pty = Pty.spawn(Specs.command("ls", "ls", "-1", "/proc/self/fd"))) {
            // 3 is the directory ls itself opened
            assertThat(Transcript.of(pty).awaitEof().split("\r\n")).containsExactly("0", "1", "2", "3");
        }
    }

    @Test
    void noSignalIsBlockedOrIgnored() throws Exception {
        try (Pty pty = Pty.spawn(Specs.command("grep", "grep", "-E", "^Sig(Blk|Ign)", "/proc/self/status"))) {
            assertThat(Transcript.of(pty).awaitEof())
                    .isEqualTo("SigBlk:\t0000000000000000\r\nSigIgn:\t0000000000000000\r\n");
        }
    }

    @Test
    void ctrlCInterruptsTheForegroundJobOfAnInteractiveShell() throws Exception {
        PtySpec spec = new PtySpec("sh", List.of("sh", "-i"), Specs.envWith("PS1", "ready> "), Path.of("/"), 80, 24);
        try (Pty pty = Pty.spawn(spec)) {
            Transcript out = Transcript.of(pty);
            out.awaitText("ready> ");
            byte[] line = "sleep 30\n".getBytes();
            pty.write(line, 0, line.length);
            ProcessHandle shell = ProcessHandle.of(pty.pid()).orElseThrow();
            long deadline = System.nanoTime() + Transcript.PATIENCE.toNanos();
            while (shell.children().noneMatch(p -> p.info().command().orElse("").endsWith("sleep"))) {
                assertThat(System.nanoTime()).as("sleep started").isLessThan(deadline);
                Thread.sleep(5);
            }
            pty.write(new byte[] {3}, 0, 1);
            byte[] status = "echo status=$?\n".getBytes();
            pty.write(status, 0, status.length);
            out.awaitText("status=130");
            byte[] exit = "exit 3\n".getBytes();
            pty.write(exit, 0, exit.length);
            assertThat(pty.exit().get(10, TimeUnit.SECONDS)).isEqualTo(3);
        }
    }
}
