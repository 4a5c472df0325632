package dev.jmosh.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same keystrokes through the real mosh-client and through bin/jmosh-client, each against
 * its own real mosh-server, must leave the same screen in tmux: text, colours and attributes
 * (capture-pane -e) and the cursor, for ls --color, SGR colours (16, 256, 24-bit), vim and less.
 */
class ScreenParityTest {

    @TempDir
    Path dir;

    private void prepare() throws IOException {
        for (int i = 0; i < 12; i++) {
            Files.writeString(dir.resolve("file-" + i + ".txt"), "x".repeat(i));
        }
        Files.createDirectories(dir.resolve("a-directory"));
        Path script = dir.resolve("run.sh");
        Files.writeString(script, "#!/bin/sh\necho hi\n");
        script.toFile().setExecutable(true);
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 60; i++) {
            text.append("line ").append(i).append(": the quick brown fox jumps over the lazy dog ").append("é中").append('\n');
        }
        Files.writeString(dir.resolve("text.txt"), text.toString(), StandardCharsets.UTF_8);
    }

    /** Runs the scenario with {@code client} against {@code serverProgram}; returns the screens at each checkpoint. */
    private List<String> scenario(String client, String serverProgram) throws Exception {
        List<String> shots = new ArrayList<>();
        try (MoshServer server = MoshServer.startWith(serverProgram, "/bin/bash", "--norc", "--noprofile");
             Tmux tmux = new Tmux(80, 24, "env LANG=C.UTF-8 MOSH_PREDICTION_DISPLAY=never MOSH_KEY=" + server.key
                     + " " + client + " 127.0.0.1 " + server.port + "; sleep 60")) {
            tmux.await(Conformance::hasPrompt, 20_000);
            tmux.type("cd " + dir + " && PS1='$ ' && clear");
            tmux.keys("Enter");
            settle(tmux, s -> s.strip().equals("$"));
            tmux.type("ls --color=always");
            tmux.keys("Enter");
            shots.add(settle(tmux, s -> s.contains("text.txt") && s.strip().endsWith("$")));
            tmux.type("printf '\\e[1;31mred\\e[0m \\e[38;5;208morange\\e[0m \\e[48;2;10;20;30mrgb\\e[0m \\e[7mrev\\e[0m\\n'");
            tmux.keys("Enter");
            shots.add(settle(tmux, s -> s.contains("orange rgb rev")));
            tmux.type("printf 'emoji \\360\\237\\230\\200 wide \\344\\270\\255\\346\\226\\207 mark e\\314\\201 end\\n'");
            tmux.keys("Enter");
            shots.add(settle(tmux, s -> s.contains(" end")));
            tmux.type("vim -u NONE -N -i NONE text.txt");
            tmux.keys("Enter");
            shots.add(settle(tmux, s -> s.contains("\"text.txt\"")));
            tmux.keys("4", "0", "G", "o");
            tmux.type("an inserted line");
            tmux.keys("Escape");
            shots.add(settle(tmux, s -> s.contains("an inserted line") && !s.contains("-- INSERT --")));
            tmux.type(":q!");
            tmux.keys("Enter");
            settle(tmux, s -> !s.contains("an inserted line"));
            tmux.type("less text.txt");
            tmux.keys("Enter");
            shots.add(settle(tmux, s -> s.contains("line 23:")));
            tmux.keys("Space");
            shots.add(settle(tmux, s -> s.contains("line 46:")));
            tmux.keys("q");
            settle(tmux, s -> !s.contains("line 46:"));
            tmux.type("top -d 1");
            tmux.keys("Enter");
            shots.add(masked(settle(tmux, s -> s.contains("PID USER") && s.contains("%Cpu"))));
            tmux.keys("q");
            settle(tmux, s -> !s.contains("PID USER"));
        }
        return shots;
    }

    /** Waits until {@code ok} holds and the screen has not changed for 400 ms; returns it with the cursor. */
    private static String settle(Tmux tmux, Predicate<String> ok) throws Exception {
        String last = tmux.await(ok, 15_000);
        for (int i = 0; i < 50; i++) {
            Thread.sleep(400);
            String now = tmux.screen();
            if (now.equals(last)) {
                break;
            }
            last = now;
        }
        return visible(tmux.run("capture-pane", "-p", "-e", "-t", "t"))
                + "cursor " + tmux.run("display", "-p", "-t", "t", "#{cursor_x},#{cursor_y}");
    }

    /**
     * The capture without SGR codes at the ends of lines. tmux prints them when trailing cells
     * were written as spaces rather than erased, which depends on the order of earlier frames
     * (mosh-client erases some runs, a different frame history writes them) and cannot be seen.
     */
    static String visible(String capture) {
        return capture.replaceAll("(?m)(\\u001b\\[[0-9;]*m)+$", "");
    }

    /**
     * top's screen with what changes by itself masked: the numbers of its five summary lines
     * (clock, load, tasks, CPU, memory) and the spacing that follows their widths, and the
     * heading's padding (top sizes its columns from the data). The words, the colours, the
     * column heading and the cursor stay; the process rows are dropped, since which processes top
     * lists and in what order differs from run to run.
     */
    static String masked(String screen) {
        List<String> lines = new ArrayList<>(List.of(screen.split("\n", -1)));
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (i < 5) {
                l = l.replaceAll("[0-9.,:]+", "#").replace(" ", ""); // widths follow the numbers
            } else if (i > 6 && !l.startsWith("cursor")) {
                l = "";
            } else {
                l = l.replaceAll("\\d[\\d.:mgt+]*", "#").replaceAll("(?<=#) +", " ").stripTrailing();
            }
            lines.set(i, l);
        }
        return String.join("\n", lines);
    }

    private void compare(List<String> expected, List<String> actual) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i)).as("checkpoint %d", i).isEqualTo(expected.get(i));
        }
    }

    @Test
    @Timeout(300)
    void jmoshClientShowsWhatMoshClientShows() throws Exception {
        Conformance.require("mosh-server", "mosh-client", "tmux", "vim", "less", "top");
        prepare();
        List<String> mosh = scenario("mosh-client", "mosh-server");
        List<String> jmosh = scenario(JmoshClientInTmuxTest.launcher().toString(), "mosh-server");
        compare(mosh, jmosh);
    }

    @Test
    @Timeout(300)
    void jmoshServerShowsWhatMoshServerShows() throws Exception {
        Conformance.require("mosh-server", "mosh-client", "tmux", "vim", "less", "top");
        prepare();
        List<String> mosh = scenario("mosh-client", "mosh-server");
        List<String> jmosh = scenario("mosh-client", MoshServer.jmoshServer());
        compare(mosh, jmosh);
    }
}
