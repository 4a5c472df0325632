/** The entry point of {@code jmosh-server}. */
package dev.jmosh.server;
