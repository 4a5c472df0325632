package dev.jmosh.server.internal;

/** jmosh-server's user-facing texts; where mosh-server has one, its words. */
public final class Messages {
    private Messages() {
    }

    /** The version banner. */
    public static String banner() {
        return "jmosh-server (jmosh 0.1.0, mosh 1.4.0 protocol)\n"
                + "A Java implementation of mosh-server; wire-compatible with mosh 1.4.0.\n"
                + "This is free software: you are free to change and redistribute it.\n"
                + "There is NO WARRANTY, to the extent permitted by law.\n";
    }

    /** The usage line. */
    public static String usage(String program) {
        return "Usage: " + program
                + " new [-s] [-v] [-i LOCALADDR] [-p PORT[:PORT2]] [-c COLORS] [-l NAME=VALUE] [-- COMMAND...]\n";
    }

    /** The parent's farewell once the daemon runs. */
    public static String detached(long pid) {
        return "\n" + banner() + "\n[jmosh-server detached, pid = " + pid + "]\n";
    }
}
