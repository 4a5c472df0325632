/**
 * jmosh's terminal emulator, a reimplementation of mosh 1.4.0's {@code src/terminal}:
 * {@link dev.jmosh.vt.Emulator} (UTF-8 decoder, Paul Williams DEC parser, handlers),
 * {@link dev.jmosh.vt.Framebuffer} with {@link dev.jmosh.vt.Cell},
 * {@link dev.jmosh.vt.Rendition} and {@link dev.jmosh.vt.Color},
 * {@link dev.jmosh.vt.FrameDiff} (mosh's {@code Display::new_frame}), {@link dev.jmosh.vt.Utf8Stream}
 * (mosh's UTF-8 decoding) and
 * {@link dev.jmosh.vt.CharWidth} (glibc {@code wcwidth}).
 */
package dev.jmosh.vt;
