/**
 * A VT/xterm terminal emulator: a Paul Williams DEC parser, a framebuffer of cells and
 * renditions, the handlers that give control sequences their meaning, Unicode width tables, and
 * {@code FrameDiff}, which emits the bytes that turn one frame into another (mosh
 * {@code Display::new_frame}). It knows nothing of networks and requires only {@code java.base}.
 *
 * <p>Only {@code dev.jmosh.vt} is exported. The implementation lives in
 * {@code dev.jmosh.vt.internal.unicode} (width table, UTF-8), {@code .parser} (DEC parser),
 * {@code .screen} (framebuffer model), {@code .handler} (control functions) and {@code .display}
 * (frame diffs). No system properties are read.
 */
module dev.jmosh.vt {
    exports dev.jmosh.vt;
}
