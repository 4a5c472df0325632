/**
 * Meaning (mosh {@code terminaldispatcher.cc}, {@code terminalfunctions.cc} and
 * {@code Emulator::print}): the {@code Dispatcher} looks parser events up in function tables
 * (controls, escape sequences, control sequences, modes, SGR numbers, OSC commands), each entry
 * marked as mosh's or beyond mosh, and runs small handlers grouped by function: printing,
 * C0/C1 controls, character sets, cursor, erase/edit, scrolling, modes, SGR, OSC, tabs and
 * reports. {@code Catalog} lists the tables; {@code docs/vt-support.md} is checked against it.
 */
package dev.jmosh.vt.internal.handler;
