/** The user's terminal: raw mode and window size through FFM, signals, and the Lanterna renderer. */
package dev.jmosh.cli.internal;
