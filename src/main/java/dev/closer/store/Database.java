package dev.closer.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The embedded store: one SQLite file in WAL mode under the data directory. Writes go through a
 * single connection (SQLite has one writer anyway) inside a transaction; reads use a small pool so
 * they never wait for a writer. Repositories are handed this object; nothing else opens the file.
 *
 * <p>The file is opened on first use (or by {@link #warmUp}), not in {@link #open}: loading the
 * SQLite native library and migrating costs tens of milliseconds that {@code closer stdio} should
 * not spend before answering {@code initialize}.
 */
public final class Database implements AutoCloseable {

    private static final int READERS = 4;

    private final Path file;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);
    private volatile Connection writer;
    private Checkpointer checkpointer;

    private Database(Path file) {
        this.file = file;
    }

    /** Opens the file and applies pending migrations now (idempotent). */
    public Database warmUp() {
        if (writer != null) {
            return this;
        }
        writeLock.lock();
        try {
            if (writer == null) {
                Connection w = connect(file);
                try (Statement s = w.createStatement()) {
                    s.execute("PRAGMA journal_mode=WAL");
                    // Checkpoints (which fsync the database file) run on their own thread, never
                    // inside a caller's commit: see Checkpointer.
                    s.execute("PRAGMA wal_autocheckpoint=0");
                }
                Migrations.apply(w);
                for (int i = 0; i < READERS; i++) {
                    readers.add(connect(file));
                }
                writer = w;
                checkpointer = new Checkpointer(connect(file));
            }
            return this;
        } catch (SQLException e) {
            throw new StoreException("cannot open the store " + file + ": " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
    }

    /** Opens (creating if needed) {@code closer.db} under {@code dataDir} and applies pending migrations. */
    public static Database open(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            return new Database(dataDir.resolve("closer.db"));
        } catch (IOException e) {
            throw new StoreException("cannot open the store under " + dataDir + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    private static Connection connect(Path file) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (Statement s = c.createStatement()) {
            // NORMAL is durable against a process crash (kill -9) in WAL mode; only power loss
            // can drop the last transactions, which is the usual trade for an embedded store.
            s.execute("PRAGMA synchronous=NORMAL");
            s.execute("PRAGMA busy_timeout=10000");
            s.execute("PRAGMA foreign_keys=ON");
        }
        return c;
    }

    /** Runs {@code work} in one transaction on the writer connection; rolls back on any failure. */
    public <T> T write(SqlWork<T> work) {
        warmUp();
        writeLock.lock();
        try {
            writer.setAutoCommit(false);
            try {
                T result = work.run(writer);
                writer.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                writer.rollback();
                throw e;
            } finally {
                writer.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("write failed: " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
    }

    /** Runs {@code work} on a pooled read connection (sees the last committed state). */
    public <T> T read(SqlWork<T> work) {
        warmUp();
        Connection c;
        try {
            c = readers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for a read connection", e);
        }
        try {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException("read failed: " + e.getMessage(), e);
        } finally {
            readers.add(c);
        }
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            if (writer == null) {
                return;
            }
            checkpointer.close();
            writer.close();
            Connection c;
            while ((c = readers.poll()) != null) {
                c.close();
            }
        } catch (SQLException e) {
            throw new StoreException("close failed: " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
    }

    /** A unit of JDBC work. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
