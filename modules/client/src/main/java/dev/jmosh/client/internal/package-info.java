/** The client's event loop and its events; not exported. */
package dev.jmosh.client.internal;
