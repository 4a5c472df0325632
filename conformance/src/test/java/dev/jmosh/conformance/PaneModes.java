package dev.jmosh.conformance;

import java.io.IOException;

/**
 * The terminal modes of a tmux pane that a mosh client sets and must give back: the alternate
 * screen, cursor visibility, application cursor keys, mouse reporting and its SGR encoding (from
 * tmux's pane flags), and bracketed paste (which tmux shows only when it pastes).
 */
final class PaneModes {
    /** What a shell's terminal looks like: no alternate screen, cursor shown, no app cursor keys, no mouse. */
    static final String GIVEN_BACK = "alternate=0 cursor=1 appcursor=0 mouse=0,0,0,0,0";

    private PaneModes() {
    }

    /** The pane's modes in the form of {@link #GIVEN_BACK}. */
    static String of(Tmux tmux) throws IOException, InterruptedException {
        return tmux.format("alternate=#{alternate_on} cursor=#{cursor_flag} appcursor=#{keypad_cursor_flag} "
                + "mouse=#{mouse_any_flag},#{mouse_button_flag},#{mouse_standard_flag},#{mouse_all_flag},#{mouse_sgr_flag}");
    }

    /** Polls the modes until they read {@code want} or {@code millis} pass; returns the last reading. */
    static String await(Tmux tmux, String want, long millis) throws IOException, InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000L;
        String m = of(tmux);
        while (!m.equals(want) && System.nanoTime() < end) {
            Thread.sleep(100);
            m = of(tmux);
        }
        return m;
    }

    /**
     * Whether the pane is in bracketed-paste mode: pastes a token with {@code paste-buffer -p},
     * which brackets it only in that mode, and reads the echo of a shell's cooked-mode terminal
     * ({@code ^[[200~token^[[201~} or just {@code token}). Only for a pane whose foreground
     * program does not read its input (e.g. {@code sleep}).
     */
    static boolean bracketedPaste(Tmux tmux) throws IOException, InterruptedException {
        String token = "PASTE-" + Conformance.token();
        tmux.run("set-buffer", "-b", "modes", token);
        tmux.run("paste-buffer", "-p", "-d", "-b", "modes", "-t", "t");
        String screen = tmux.await(s -> s.contains(token), 5_000);
        if (!screen.contains(token)) {
            throw new IOException("the pasted token never showed: " + screen);
        }
        return screen.contains("[200~" + token);
    }
}
