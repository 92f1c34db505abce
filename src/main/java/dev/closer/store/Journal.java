package dev.closer.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log and budget ledger writer. A caller returns only once its rows are committed, and
 * concurrent callers share transactions (group commit, leader/follower): whoever holds the commit
 * lock writes every row queued so far, so the callers that queued behind it find their rows
 * already durable and return without a transaction of their own. No thread hand-off on the way.
 * A call's audit row and ledger row are committed together or not at all.
 *
 * <p>With {@code durable = false} (CLOSER_AUDIT_DURABILITY=async) callers do not wait: a flusher
 * thread commits queued rows every few milliseconds. That removes the commit from each call's
 * latency at the price of losing the last few milliseconds of rows if the process is killed.
 */
public final class Journal implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);
    private static final int MAX_BATCH = 1024;
    private static final long FLUSH_MILLIS = 5;

    private final Database db;
    private final Queue<Entry> queue = new ConcurrentLinkedQueue<>();
    private final Object commitLock = new Object();
    private volatile boolean open = true;
    private final boolean durable;
    private final Thread flusher;

    public Journal(Database db) {
        this(db, true);
    }

    public Journal(Database db, boolean durable) {
        this.db = db;
        this.durable = durable;
        this.flusher = durable ? null : new Thread(this::flushLoop, "closer-journal-flusher");
        if (flusher != null) {
            flusher.setDaemon(true);
            flusher.start();
        }
    }

    private void flushLoop() {
        while (open) {
            try {
                Thread.sleep(FLUSH_MILLIS);
            } catch (InterruptedException e) {
                break;
            }
            flush();
        }
        flush();
    }

    /** Commits everything queued so far. */
    public void flush() {
        synchronized (commitLock) {
            while (!queue.isEmpty()) {
                commit(nextBatch());
            }
        }
    }

    private List<Entry> nextBatch() {
        List<Entry> batch = new ArrayList<>();
        Entry e;
        while (batch.size() < MAX_BATCH && (e = queue.poll()) != null) {
            batch.add(e);
        }
        return batch;
    }

    public record AuditRow(String at, String profile, String traceId, String tool, String door, String outcome,
                           String errorCode, long cost, long durationUs, String inputs, String error) {
    }

    public record LedgerRow(String profile, String windowStart, String traceId, String tool, long cost, String at) {
    }

    private static final class Entry {
        final AuditRow audit;
        final LedgerRow ledger;
        boolean committed;        // guarded by commitLock
        RuntimeException failure; // guarded by commitLock

        Entry(AuditRow audit, LedgerRow ledger) {
            this.audit = audit;
            this.ledger = ledger;
        }
    }

    /** Writes the rows and returns once they are committed; {@code ledger} may be null. */
    public void append(AuditRow audit, LedgerRow ledger) {
        if (!open) {
            throw new StoreException("journal is closed", null);
        }
        Entry mine = new Entry(audit, ledger);
        queue.add(mine);
        if (!durable) {
            return;
        }
        synchronized (commitLock) {
            while (!mine.committed && mine.failure == null) {
                commit(nextBatch());
            }
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
    }

    private void commit(List<Entry> batch) {
        try {
            db.write(c -> {
                try (PreparedStatement a = c.prepareStatement("INSERT INTO audit_log(at, profile, trace_id, tool, door,"
                        + " outcome, error_code, cost, duration_us, inputs, error) VALUES (?,?,?,?,?,?,?,?,?,?,?)");
                     PreparedStatement l = c.prepareStatement("INSERT INTO budget_ledger(profile, window_start,"
                             + " trace_id, tool, cost, at) VALUES (?,?,?,?,?,?)")) {
                    boolean anyLedger = false;
                    for (Entry e : batch) {
                        bindAudit(a, e.audit);
                        if (e.ledger != null) {
                            bindLedger(l, e.ledger);
                            anyLedger = true;
                        }
                    }
                    a.executeBatch();
                    if (anyLedger) {
                        l.executeBatch();
                    }
                }
                return null;
            });
            batch.forEach(e -> e.committed = true);
        } catch (RuntimeException e) {
            LOG.error("journal commit of {} rows failed: {}", batch.size(), e.getMessage());
            batch.forEach(x -> x.failure = e);
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

    /** Refuses further rows and commits whatever is still queued. */
    @Override
    public void close() {
        open = false;
        if (flusher != null) {
            flusher.interrupt();
            try {
                flusher.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        flush();
    }
}
