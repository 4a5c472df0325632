package dev.jmosh.server.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Optional;

/** The current user's {@code /etc/passwd} entry (name:pw:uid:gid:gecos:home:shell), by user name. */
final class Passwd {
    private Passwd() {
    }

    static Optional<String[]> current() {
        String user = System.getProperty("user.name");
        try {
            for (String line : Files.readAllLines(Paths.get("/etc/passwd"))) {
                String[] f = line.split(":", -1);
                if (f.length >= 7 && f[0].equals(user)) {
                    return Optional.of(f);
                }
            }
        } catch (IOException e) {
            // no passwd file: fall back to the defaults
        }
        return Optional.empty();
    }
}
