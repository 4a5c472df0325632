/**
 * {@code bench/run}: runs the measurements of jmosh against mosh 1.4.0 (the conformance
 * measurements, through one Maven build) and the JMH benchmarks from one command, and writes a
 * Markdown report naming the machine and the commit into a results folder. Never on the jlink
 * path.
 */
package dev.jmosh.bench.run;
