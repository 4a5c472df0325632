/**
 * Service provider interfaces: implement one, declare it with {@code provides ... with} in a
 * module, and {@link dev.jmosh.ssp.Providers#select} finds it.
 */
package dev.jmosh.ssp.spi;
