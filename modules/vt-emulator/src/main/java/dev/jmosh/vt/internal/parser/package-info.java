/**
 * Syntax only (mosh {@code parser*}): Paul Williams' DEC ANSI state machine on code points, with
 * bounded parameter, intermediate and OSC buffers, reporting to a {@code ParserListener}.
 */
package dev.jmosh.vt.internal.parser;
