package dev.jmosh.conformance;

import dev.jmosh.vt.Cell;
import dev.jmosh.vt.Framebuffer;

/** A framebuffer's text, one line per row with trailing blanks removed, as tmux capture-pane prints it. */
final class ScreenText {
    private ScreenText() {
    }

    static String of(Framebuffer fb) {
        StringBuilder sb = new StringBuilder();
        for (int y = 0; y < fb.rows(); y++) {
            StringBuilder line = new StringBuilder();
            for (int x = 0; x < fb.columns(); x++) {
                Cell c = fb.cell(y, x);
                line.append(c.blank() || c.text().isEmpty() ? " " : c.text());
                if (c.wide()) {
                    x++;
                }
            }
            int end = line.length();
            while (end > 0 && line.charAt(end - 1) == ' ') {
                end--;
            }
            sb.append(line, 0, end).append('\n');
        }
        return sb.toString();
    }
}
