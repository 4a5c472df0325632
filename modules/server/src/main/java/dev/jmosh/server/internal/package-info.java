/** The server's command line, locale and bind rules, child process and main loop. */
package dev.jmosh.server.internal;
