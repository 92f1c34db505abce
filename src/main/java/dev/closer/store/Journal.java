package dev.closer.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log and budget ledger writer. Rows are committed by one thread in batches (group
 * commit): every caller waits until its rows are durable, but many concurrent calls share one
 * transaction, so the store keeps up with thousands of calls per second. A call's audit row and
 * ledger row are committed together or not at all.
 */
public final class Journal implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);
    private static final int MAX_BATCH = 1024;

    private final Database db;
    private final BlockingQueue<Entry> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean running = true;

    public Journal(Database db) {
        this.db = db;
        this.writer = new Thread(this::drain, "closer-journal");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    public record AuditRow(String at, String profile, String traceId, String tool, String door, String outcome,
                           String errorCode, long cost, long durationUs, String inputs, String error) {
    }

    public record LedgerRow(String profile, String windowStart, String traceId, String tool, long cost, String at) {
    }

    private record Entry(AuditRow audit, LedgerRow ledger, CompletableFuture<Void> done) {
    }

    /** Queues the rows; the future completes once they are committed. {@code ledger} may be null. */
    public CompletableFuture<Void> append(AuditRow audit, LedgerRow ledger) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!running) {
            done.completeExceptionally(new StoreException("journal is closed", null));
            return done;
        }
        queue.add(new Entry(audit, ledger, done));
        return done;
    }

    private void drain() {
        List<Entry> batch = new ArrayList<>(MAX_BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Entry first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void commit(List<Entry> batch) {
        try {
            db.write(c -> {
                try (PreparedStatement a = c.prepareStatement("INSERT INTO audit_log(at, profile, trace_id, tool, door,"
                        + " outcome, error_code, cost, duration_us, inputs, error) VALUES (?,?,?,?,?,?,?,?,?,?,?)");
                     PreparedStatement l = c.prepareStatement("INSERT INTO budget_ledger(profile, window_start,"
                             + " trace_id, tool, cost, at) VALUES (?,?,?,?,?,?)")) {
                    for (Entry e : batch) {
                        bindAudit(a, e.audit());
                        if (e.ledger() != null) {
                            bindLedger(l, e.ledger());
                        }
                    }
                    a.executeBatch();
                    l.executeBatch();
                }
                return null;
            });
            batch.forEach(e -> e.done().complete(null));
        } catch (RuntimeException e) {
            LOG.error("journal commit of {} rows failed: {}", batch.size(), e.getMessage());
            batch.forEach(x -> x.done().completeExceptionally(e));
        }
    }

    private static void bindAudit(PreparedStatement p, AuditRow r) throws SQLException {
        p.setString(1, r.at());
        p.setString(2, r.profile());
        p.setString(3, r.traceId());
        p.setString(4, r.tool());
        p.setString(5, r.door());
        p.setString(6, r.outcome());
        p.setString(7, r.errorCode());
        p.setLong(8, r.cost());
        p.setLong(9, r.durationUs());
        p.setString(10, r.inputs());
        p.setString(11, r.error());
        p.addBatch();
    }

    private static void bindLedger(PreparedStatement p, LedgerRow r) throws SQLException {
        p.setString(1, r.profile());
        p.setString(2, r.windowStart());
        p.setString(3, r.traceId());
        p.setString(4, r.tool());
        p.setLong(5, r.cost());
        p.setString(6, r.at());
        p.addBatch();
    }

    /** Commits what is queued, then stops the writer. */
    @Override
    public void close() {
        running = false;
        try {
            writer.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
