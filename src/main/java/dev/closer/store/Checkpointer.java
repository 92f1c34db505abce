package dev.closer.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves committed WAL pages into the database file on a background thread, every 200 ms, with a
 * PASSIVE checkpoint (never blocks readers or the writer). With SQLite's automatic checkpoint the
 * commit that crosses the threshold pays the checkpoint's fsync, and every caller queued behind
 * that commit waits for it; here no caller does.
 */
final class Checkpointer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Checkpointer.class);
    private static final long INTERVAL_MILLIS = 200;

    private final Connection connection;
    private final Thread thread;
    private volatile boolean running = true;

    Checkpointer(Connection connection) {
        this.connection = connection;
        this.thread = new Thread(this::loop, "closer-checkpointer");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            try {
                Thread.sleep(INTERVAL_MILLIS);
                checkpoint("PASSIVE");
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void checkpoint(String mode) {
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(" + mode + ")");
        } catch (SQLException e) {
            LOG.warn("WAL checkpoint failed: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        checkpoint("TRUNCATE");
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("closing the checkpoint connection failed: {}", e.getMessage());
        }
    }
}
