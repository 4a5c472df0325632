/** JMH benchmarks of jmosh's in-process hot paths: the emulator's parser and FrameDiff. */
package dev.jmosh.bench;
