/** An example of embedding: a program that opens a session to a mosh-server, without a terminal, and prints the screen. */
module dev.jmosh.examples.headless {
    requires dev.jmosh.client;
}
