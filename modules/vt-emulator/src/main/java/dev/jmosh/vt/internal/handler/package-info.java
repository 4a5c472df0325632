/**
 * Meaning (mosh {@code terminaldispatcher.cc}, {@code terminalfunctions.cc} and
 * {@code Emulator::print}): the {@code Dispatcher} routes parser events to small handlers
 * grouped by function: printing, C0/C1 controls, cursor, erase/edit, scrolling, modes, SGR,
 * OSC, tabs and reports.
 */
package dev.jmosh.vt.internal.handler;
