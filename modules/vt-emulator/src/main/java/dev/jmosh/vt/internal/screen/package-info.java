/**
 * The emulator's model (mosh {@code terminalframebuffer}): {@code Screen} (rows, titles,
 * clipboard, bell), {@code Row} (cells as parallel arrays, copy-on-write between screens),
 * {@code DrawState} (cursor, margins, tabs, modes), {@code Renditions} (SGR state packed in a
 * long) and {@code ScreenEquality} (what two peers must agree on).
 */
package dev.jmosh.vt.internal.screen;
