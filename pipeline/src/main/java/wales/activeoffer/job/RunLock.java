package wales.activeoffer.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Makes sure two instances of the pipeline never process at the same time against the same work root or the same
 * database. The work root is locked with an operating-system file lock on {@code <work root>/.run.lock}, which the
 * system releases when the process dies. On PostgreSQL the database is locked too: it
 * is a session-level advisory lock held on a connection of its own for the whole run: a process that dies, even by
 * {@code kill -9}, loses its connection and so its lock, and the next run can recover. The embedded H2 database is a
 * file that only one process can open at a time, so it needs no lock of its own.
 */
public class RunLock {
    /**
     * "AcOf" in ASCII: the advisory lock class of this pipeline. The other half of the key is the database and schema,
     * so installations sharing a server (or tests in schemas of their own) do not block each other.
     */
    static final int ADVISORY_CLASS = 0x41634F66;
    static final String LOCK_FILE = ".run.lock";
    /** The advisory lock class a service holds for as long as it runs: one service per work root and database. */
    static final int SERVICE_CLASS = ADVISORY_CLASS + 1;
    static final String SERVICE_LOCK_FILE = ".service.lock";
    private final DataSource dataSource;
    private final Path workRoot;

    public RunLock(DataSource dataSource, Path workRoot) {
        this.dataSource = dataSource;
        this.workRoot = workRoot;
    }

    /** A lock that is held until closed. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** Takes the lock, or throws {@link RunInProgressException} at once if another process holds it. */
    public Held acquire() {
        return both(lockWorkRoot(), this::acquireDatabase);
    }

    /** The work root's lock and then the database's, released in the other order; the first alone if the second fails. */
    private static Held both(FileLock file, Supplier<Held> databaseLock) {
        try {
            Held database = databaseLock.get();
            return () -> {
                try {
                    database.close();
                } finally {
                    release(file);
                }
            };
        } catch (RuntimeException e) {
            release(file);
            throw e;
        }
    }

    /**
     * Held by a service for as long as it runs, so that a second service on the same work root or database refuses
     * to start, before it opens any port.
     *
     * @throws RunInProgressException at once if another service holds it
     */
    public Held holdService() {
        return both(lockFile(SERVICE_LOCK_FILE, this::serviceOnWorkRoot),
                () -> lockDatabase(SERVICE_CLASS, this::serviceOnDatabase));
    }

    /**
     * A one-shot run refuses while a service runs on the same work root or database: the two would take turns on
     * the run lock, and the service's nightly run could find it held.
     *
     * @throws RunInProgressException if a service is running
     */
    public void refuseIfServed() {
        holdService().close();
    }

    private String serviceOnWorkRoot() {
        return "A service of the pipeline is already running on the work root activeoffer.work-root=" + workRoot
                + "; this one did not start. Stop that service first, or give this one its own work root and database.";
    }

    private String serviceOnDatabase(String url) {
        return "A service of the pipeline is already running on the database at spring.datasource.url=" + url
                + "; this one did not start. Stop that service first, or give this one its own work root and database.";
    }

    private FileLock lockWorkRoot() {
        return lockFile(LOCK_FILE, () -> "Another run of the pipeline is using the work root "
                + "activeoffer.work-root=" + workRoot + "; nothing was done. Try again when it has finished.");
    }

    private FileLock lockFile(String name, Supplier<String> busy) {
        try {
            Files.createDirectories(workRoot);
            FileChannel channel = FileChannel.open(workRoot.resolve(name), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException heldHere) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new RunInProgressException(busy.get());
            }
            return lock;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot lock the work root " + workRoot, e);
        }
    }

    private static void release(FileLock lock) {
        try (FileChannel channel = lock.channel()) {
            lock.release();
        } catch (IOException e) {
            // closing the channel, or the process ending, releases the lock anyway
        }
    }

    private Held acquireDatabase() {
        return lockDatabase(ADVISORY_CLASS, url -> new RunInProgressException().getMessage());
    }

    /**
     * A session-level advisory lock of this class, on a connection of its own held until closed; nothing on H2, whose
     * database file only one process can open.
     */
    private Held lockDatabase(int lockClass, Function<String, String> busy) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                connection.close();
                return () -> { };
            }
            connection.setAutoCommit(true);
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT pg_try_advisory_lock(?, hashtext(current_database() || '.' || current_schema()))")) {
                statement.setInt(1, lockClass);
                try (ResultSet result = statement.executeQuery()) {
                    result.next();
                    if (!result.getBoolean(1)) {
                        String url = connection.getMetaData().getURL();
                        connection.close();
                        throw new RunInProgressException(busy.apply(url));
                    }
                }
            }
            Connection held = connection;
            return () -> release(held, lockClass);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new IllegalStateException("Cannot take the run lock: " + e.getMessage(), e);
        }
    }

    private static void release(Connection connection, int lockClass) {
        try (connection; PreparedStatement statement = connection.prepareStatement(
                "SELECT pg_advisory_unlock(?, hashtext(current_database() || '.' || current_schema()))")) {
            statement.setInt(1, lockClass);
            statement.execute();
        } catch (SQLException e) {
            // closing the connection releases the lock anyway
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // nothing more to do
            }
        }
    }

    /** Another process is running the pipeline against this database now. */
    public static class RunInProgressException extends IllegalStateException {
        public RunInProgressException() {
            this("Another run of the pipeline is in progress against this database; nothing was done. "
                    + "Try again when it has finished.");
        }

        public RunInProgressException(String message) {
            super(message);
        }
    }
}
