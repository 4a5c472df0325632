/** JMH benchmarks of jmosh's in-process hot paths: the emulator's parser, FrameDiff, the datagram cipher and local echo. */
package dev.jmosh.bench;
