/** Service registrations of the state types; not exported. */
package dev.jmosh.statesync.internal;
