/**
 * Unicode plumbing: the generated glibc-compatible width table ({@code WidthTable}, from
 * {@code tools/unicode/gen-widths.py}), width look-up, a resumable UTF-8 decoder with glibc's
 * error behaviour, and a byte sink that encodes UTF-8.
 */
package dev.jmosh.vt.internal.unicode;
