/** The entry points of the jmosh terminal programs ({@code jmosh-client}, {@code jmosh}). */
package dev.jmosh.cli;
