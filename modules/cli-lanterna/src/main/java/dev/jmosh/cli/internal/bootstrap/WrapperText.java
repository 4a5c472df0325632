package dev.jmosh.cli.internal.bootstrap;

/** The texts of the {@code jmosh} wrapper: mosh.pl's usage and messages, with jmosh's name and version. */
public final class WrapperText {
    /** The version of jmosh these texts name. */
    public static final String VERSION = "0.1.0";

    private WrapperText() {
    }

    /** mosh.pl's usage text, for the program called {@code argv0}. */
    public static String usage(String argv0) {
        return "Usage: " + argv0 + " [options] [--] [user@]host [command...]\n"
                + "        --client=PATH        mosh client on local machine\n"
                + "                                (default: jmosh's own client, in this process)\n"
                + "        --server=COMMAND     mosh server on remote machine\n"
                + "                                (default: \"mosh-server\"; with --local, jmosh-server)\n"
                + "\n"
                + "        --predict=adaptive      local echo for slower links [default]\n"
                + "-a      --predict=always        use local echo even on fast links\n"
                + "-n      --predict=never         never use local echo\n"
                + "        --predict=experimental  aggressively echo even when incorrect\n"
                + "\n"
                + "-o      --predict-overwrite     prediction overwrites instead of inserting\n"
                + "\n"
                + "-4      --family=inet        use IPv4 only\n"
                + "-6      --family=inet6       use IPv6 only\n"
                + "        --family=auto        autodetect network type for single-family hosts only\n"
                + "        --family=all         try all network types\n"
                + "        --family=prefer-inet use all network types, but try IPv4 first [default]\n"
                + "        --family=prefer-inet6 use all network types, but try IPv6 first\n"
                + "-p PORT[:PORT2]\n"
                + "        --port=PORT[:PORT2]  server-side UDP port or range\n"
                + "                                (No effect on server-side SSH port)\n"
                + "        --bind-server={ssh|any|IP}  ask the server to reply from an IP address\n"
                + "                                       (default: \"ssh\")\n"
                + "        --cipher=NAME        datagram cipher, e.g. chacha20-poly1305; needs a jmosh\n"
                + "                                server (default: aes-128-ocb, mosh's)\n"
                + "\n"
                + "        --ssh=COMMAND        ssh command to run when setting up session\n"
                + "                                (example: \"ssh -p 2222\")\n"
                + "                                (default: \"ssh\")\n"
                + "\n"
                + "        --no-ssh-pty         do not allocate a pseudo tty on ssh connection\n"
                + "\n"
                + "        --no-init            do not send terminal initialization string\n"
                + "\n"
                + "        --local              run mosh-server locally without using ssh\n"
                + "                             (host optional: default 127.0.0.1)\n"
                + "\n"
                + "        --experimental-remote-ip=(local|remote|proxy)  select the method for\n"
                + "                             discovering the remote IP address to use for mosh\n"
                + "                             (default: \"proxy\")\n"
                + "\n"
                + "        --help               this message\n"
                + "        --version            version and copyright information\n"
                + "\n"
                + "jmosh speaks mosh 1.4.0's protocol: any mosh-server works on the far side.\n";
    }

    /** The {@code --version} text. */
    public static String version() {
        return "jmosh " + VERSION + " (mosh 1.4.0 protocol)\n"
                + "A Java implementation of the mobile shell; wire-compatible with mosh 1.4.0.\n";
    }
}
