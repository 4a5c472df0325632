package dev.jmosh.server.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
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
 * new          a named pipe (0600): each launcher writes one line, its process id
 * req.PID      the launcher's arguments, each ended by NUL (written by it, removed by the server)
 * reply.PID    a named pipe the launcher made (0600); the server writes its answer there
 * log          the server's log ({@link ServerLog})
 * </pre>
 *
 * A named pipe rather than a socket because the launcher is a shell script (a JVM started for
 * each {@code new} would cost more than mosh-server's whole start); what a socket's peer
 * credentials would prove is checked from {@code /proc} instead ({@link LauncherRequest}).
 */
public final class Rendezvous {
    /** The request pipe's name. */
    static final String REQUESTS = "new";
    private static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rwx------");
    private static final int FIFO_MODE = 0600;

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
     * Opens for requests: a fresh request pipe (whatever was at its name is removed) and the pid
     * file, written whole by a rename. Stale request and reply files of launchers that no
     * longer run are removed first.
     *
     * @return the request pipe, open for reading and writing (so it never reads end of file)
     */
    FileChannel publish() throws IOException {
        removeStale();
        Path fifo = dir.resolve(REQUESTS);
        Files.deleteIfExists(fifo);
        dev.jmosh.pty.Posix.mkfifo(fifo, FIFO_MODE);
        FileChannel requests = FileChannel.open(fifo, StandardOpenOption.READ, StandardOpenOption.WRITE);
        Path tmp = dir.resolve("pid.tmp");
        Files.writeString(tmp, ProcessHandle.current().pid() + "\n", StandardCharsets.US_ASCII);
        Files.move(tmp, dir.resolve("pid"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return requests;
    }

    /** Closes for new requests: launchers from now on start a server of their own. */
    void withdraw() {
        try {
            Files.deleteIfExists(dir.resolve("pid"));
            Files.deleteIfExists(dir.resolve(REQUESTS));
        } catch (IOException e) {
            // a launcher that still finds them waits for an answer, sees this process gone and starts its own
        }
    }

    /** Where launcher {@code pid} put its arguments. */
    Path requestFile(long pid) {
        return dir.resolve("req." + pid);
    }

    /** Where launcher {@code pid} waits for the answer. */
    Path replyPipe(long pid) {
        return dir.resolve("reply." + pid);
    }

    private void removeStale() throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "{req,reply}.*")) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                String pid = name.substring(name.indexOf('.') + 1);
                if (!pid.chars().allMatch(Character::isDigit) || pid.isEmpty() || pid.length() > 10
                        || ProcessHandle.of(Long.parseLong(pid)).isEmpty()) {
                    Files.deleteIfExists(f);
                }
            }
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
