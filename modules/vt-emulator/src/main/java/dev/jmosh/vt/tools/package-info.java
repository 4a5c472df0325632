/**
 * Command-line tools over the emulator, for people: {@link dev.jmosh.vt.tools.ReplayMain}
 * ({@code bin/jmosh-vt replay}) feeds byte streams to an {@link dev.jmosh.vt.Emulator} and prints
 * the final screen as plain rows or in the style of {@code tmux capture-pane -p -e}. Not
 * exported: run it with {@code java -p vt-emulator.jar -m dev.jmosh.vt/dev.jmosh.vt.tools.ReplayMain}.
 */
package dev.jmosh.vt.tools;
