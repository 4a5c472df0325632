package dev.jmosh.vt;

import java.io.ByteArrayOutputStream;

/**
 * Translates the user's keystrokes for the application (mosh {@code Terminal::UserInput}).
 *
 * <p>mosh-client keeps the user's real terminal in application-cursor-key mode, so arrow keys
 * arrive as {@code ESC O A..D}. Unless the application itself enabled DECCKM, they are rewritten
 * to {@code ESC [ A..D}; every other byte passes unchanged. The state machine is mosh's,
 * including its quirk that a second ESC right after an ESC does not start a new sequence.
 */
public final class UserInput {
    private enum State { GROUND, ESC, SS3 }

    private State state = State.GROUND;

    /**
     * Appends the bytes for the application of one input byte to {@code out}.
     *
     * @param applicationCursorKeys whether the application enabled DECCKM ({@code ESC[?1h})
     */
    public void input(byte b, boolean applicationCursorKeys, ByteArrayOutputStream out) {
        switch (state) {
            case GROUND -> {
                if (b == 0x1B) {
                    state = State.ESC;
                }
                out.write(b);
            }
            case ESC -> {
                if (b == 'O') {
                    state = State.SS3; // held back until the next byte decides
                    return;
                }
                state = State.GROUND;
                out.write(b);
            }
            case SS3 -> {
                state = State.GROUND;
                out.write(!applicationCursorKeys && b >= 'A' && b <= 'D' ? '[' : 'O');
                out.write(b);
            }
            default -> throw new IllegalStateException(state.toString());
        }
    }

    /** Translates {@code len} bytes at once. */
    public byte[] input(byte[] bytes, int off, int len, boolean applicationCursorKeys) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(len + 1);
        for (int i = off; i < off + len; i++) {
            input(bytes[i], applicationCursorKeys, out);
        }
        return out.toByteArray();
    }
}
