/**
 * The jmosh terminal programs: {@code jmosh-client IP PORT} (the contract of mosh-client) and
 * the {@code jmosh} front end. Renders the remote screen with Lanterna, puts the user's terminal
 * in raw mode through the Foreign Function and Memory API, and forwards every input byte.
 */
module dev.jmosh.cli {
    requires dev.jmosh.client;
    requires com.googlecode.lanterna;
    requires jdk.unsupported;
}
