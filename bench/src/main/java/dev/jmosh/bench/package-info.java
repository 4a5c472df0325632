/** JMH benchmarks of jmosh's in-process hot paths: the emulator's parser, FrameDiff and the datagram cipher. */
package dev.jmosh.bench;
