package dev.jmosh.conformance;

import dev.jmosh.conformance.link.NetnsLink;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One session across a {@link NetnsLink}: a mosh or jmosh server in the server namespace and its
 * client in the client namespace on a terminal of its own, or OpenSSH's client to the link's
 * {@link Sshd}. The program on the far side is {@code typist.sh}, which lets the terminal echo
 * what is typed and clears the screen at each Enter (so no old letter is ever redrawn).
 *
 * @param name the pairing, e.g. {@code "mosh-client + jmosh-server"}
 * @param prediction the client's {@code MOSH_PREDICTION_DISPLAY} ({@code never}, {@code adaptive});
 *        {@code none} for ssh
 * @param flow the session's flow on the link ({@code udp/PORT}, {@code tcp/2201})
 * @param pty the client's terminal
 * @param server the mosh or jmosh server, or null for ssh
 */
record LinkSession(String name, String prediction, String flow, PtyClient pty, MoshServer server)
        implements AutoCloseable {

    /** The far side's program: echo by the terminal, a cleared screen at each line. */
    static final String TYPIST = "while IFS= read -r line; do printf '\\033[H\\033[2J'; done\n";

    /** Starts {@code clientName} with {@code serverName} across {@code link}, 80x24. */
    static LinkSession mosh(NetnsLink link, String clientName, String serverName, String prediction, Path typist)
            throws Exception {
        MoshServer server = MoshServer.startVia(link.inServer(), NetnsLink.SERVER_ADDRESS,
                RelayedSession.server(serverName), Map.of(), "/bin/sh", typist.toString());
        try {
            String client = link.inClientShell() + " env LANG=C.UTF-8 MOSH_PREDICTION_DISPLAY=" + prediction
                    + " MOSH_KEY=" + server.key + " " + RelayedSession.client(clientName) + " "
                    + NetnsLink.SERVER_ADDRESS + " " + server.port;
            PtyClient pty = new PtyClient(80, 24, client);
            return new LinkSession(clientName + " + " + serverName, prediction, "udp/" + server.port, pty, server);
        } catch (Exception | Error e) {
            server.close();
            throw e;
        }
    }

    /** OpenSSH's client across {@code link} to {@code sshd}, with a remote terminal ({@code -tt}). */
    static LinkSession ssh(NetnsLink link, Sshd sshd, Path typist) throws Exception {
        String client = link.inClientShell() + " " + sshd.sshCommand(sshd.port) + " -tt " + sshd.user + "@"
                + NetnsLink.SERVER_ADDRESS + " /bin/sh " + typist;
        return new LinkSession("ssh (TCP)", "none", "tcp/" + sshd.port, new PtyClient(80, 24, client), null);
    }

    /** The pairing and its prediction, as the report names it. */
    String label() {
        return prediction.equals("none") ? name : name + ", prediction " + prediction;
    }

    /** Whether this is the mosh pair, the yardstick of its prediction mode. */
    boolean isMoshPair() {
        return name.equals("mosh-client + mosh-server");
    }

    @Override
    public void close() throws Exception {
        try (AutoCloseable s = server) {
            pty.close();
        }
    }

    /** Every pairing of the link measurement, for each prediction mode. */
    static List<String[]> pairings() {
        return List.of(new String[] {"mosh-client", "mosh-server"}, new String[] {"jmosh-client", "jmosh-server"},
                new String[] {"jmosh-client", "mosh-server"}, new String[] {"mosh-client", "jmosh-server"});
    }
}
