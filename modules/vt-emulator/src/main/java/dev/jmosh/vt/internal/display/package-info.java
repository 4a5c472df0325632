/**
 * Frame diffs (mosh {@code terminaldisplay.cc}): {@code FrameDiffer} orchestrates
 * {@code Display::new_frame}, {@code ScrollDetector} its scroll shortcut, {@code RowPainter}
 * {@code put_row}, {@code ModeWriter} titles and modes, {@code FrameWriter} cursor and
 * rendition bookkeeping.
 */
package dev.jmosh.vt.internal.display;
