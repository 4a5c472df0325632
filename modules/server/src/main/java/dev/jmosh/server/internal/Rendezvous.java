package dev.jmosh.server.internal;

import dev.jmosh.pty.LocalSocket;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * Where a user's launchers find the user's jmosh server: a directory only that user can enter
 * ({@code ${JMOSH_TMPDIR:-${TMPDIR:-/tmp}}/jmosh-UID}, mode 0700, owned by the user, not a
 * link; anything else is refused, as tmux refuses its socket directory), holding
 *
 * <pre>
 * lock         held (fcntl) by the one server that serves the directory, for its lifetime
 * pid          that server's process id, written once it listens
 * socket       a Unix-domain stream socket (0600) the server listens on: a launcher connects,
 *              writes its arguments, each ended by NUL, ends its side, and reads the answer
 *              ({@link Reply}); the kernel tells the server who connected ({@link LauncherRequest})
 * log          the server's log ({@link ServerLog})
 * </pre>
 *
 * The launcher is a shell script (a JVM started for each {@code new} would cost more than
 * mosh-server's whole start); it talks to the socket through perl's built-in socket calls.
 */
public final class Rendezvous {
    /** The socket's name. */
    static final String SOCKET = "socket";
    private static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rwx------");

    private final Path dir;
    private final int uid;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private Rendezvous(Path dir, int uid, FileChannel lockChannel, FileLock lock) {
        this.dir = dir;
        this.uid = uid;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Makes {@code dir} this process's to serve, creating it if needed.
     *
     * @return empty if another server holds it
     * @throws IOException if it is not a private directory of this user, in one line
     */
    public static Optional<Rendezvous> claim(Path dir) throws IOException {
        return claim(dir, 0);
    }

    /**
     * The same, but while the server that holds {@code dir} is ending (it has withdrawn its pid
     * file and serves its last requests, {@link UserServer#LAST_CALL_MS}), waits for it for at
     * most {@code patienceMs} and takes its place: a session started just after a user's last
     * one ended then starts the next server instead of running alone.
     */
    public static Optional<Rendezvous> claim(Path dir, long patienceMs) throws IOException {
        long end = System.nanoTime() + patienceMs * 1_000_000L;
        while (true) {
            Optional<Rendezvous> r = tryClaim(dir);
            if (r.isPresent() || Files.exists(dir.resolve("pid")) || System.nanoTime() >= end) {
                return r;
            }
            try {
                Thread.sleep(RETRY_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return r;
            }
        }
    }

    /** How often an ending server's lock is tried, in ms. */
    private static final long RETRY_MS = 20;

    private static Optional<Rendezvous> tryClaim(Path dir) throws IOException {
        int uid = uidOf(Path.of("/proc/self"));
        try {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PRIVATE));
        } catch (FileAlreadyExistsException e) {
            // checked below
        }
        checkPrivate(dir, uid);
        FileChannel channel = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // this JVM serves it already
        }
        if (lock == null) {
            channel.close();
            return Optional.empty();
        }
        return Optional.of(new Rendezvous(dir, uid, channel, lock));
    }

    /** Refuses anything but a directory of {@code uid}'s with mode 0700. */
    static void checkPrivate(Path dir, int uid) throws IOException {
        PosixFileAttributes a = Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!a.isDirectory()) {
            throw new IOException(dir + " is not a directory");
        }
        if (uidOf(dir) != uid) {
            throw new IOException(dir + " belongs to another user");
        }
        if (!a.permissions().equals(PRIVATE)) {
            throw new IOException(dir + " is open to other users (" + PosixFilePermissions.toString(a.permissions())
                    + "); it must be rwx------");
        }
    }

    /** The owner of {@code path} (not following a link). */
    static int uidOf(Path path) throws IOException {
        return (Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    }

    /** The directory. */
    public Path dir() {
        return dir;
    }

    /** The user this server runs as. */
    int uid() {
        return uid;
    }

    /**
     * Opens for requests: a fresh socket (whatever was at its name is removed), then the pid
     * file, written whole by a rename.
     */
    LocalSocket publish() throws IOException {
        Path path = dir.resolve(SOCKET);
        Files.deleteIfExists(path);
        LocalSocket socket = LocalSocket.listen(path);
        Path tmp = dir.resolve("pid.tmp");
        Files.writeString(tmp, ProcessHandle.current().pid() + "\n", StandardCharsets.US_ASCII);
        Files.move(tmp, dir.resolve("pid"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return socket;
    }

    /**
     * Closes for new requests: launchers from now on start a server of their own. Connections
     * already made wait to be accepted on the socket, which stays open without its name.
     */
    void withdraw() {
        try {
            Files.deleteIfExists(dir.resolve("pid"));
            Files.deleteIfExists(dir.resolve(SOCKET));
        } catch (IOException e) {
            // a launcher that still connects is answered, or finds nobody and starts its own
        }
    }

    /** Gives the directory up (the lock; the process's exit does the same). */
    void release() {
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            // the exit releases it
        }
    }
}
