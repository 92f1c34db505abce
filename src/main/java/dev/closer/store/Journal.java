package dev.closer.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log and budget ledger writer. A caller returns only once its rows are committed, and
 * concurrent callers share transactions (group commit): one writer thread commits every row queued
 * so far in one transaction, so under load each commit carries many calls' rows.
 * A call's audit row and ledger row are committed together or not at all.
 *
 * <p>With {@code durable = false} (CLOSER_AUDIT_DURABILITY=async) callers do not wait: the writer
 * commits queued rows every few milliseconds. That removes the commit from each call's
 * latency at the price of losing the last few milliseconds of rows if the process is killed.
 */
public final class Journal implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);
    private static final int MAX_BATCH = 1024;
    private static final long FLUSH_MILLIS = 5;

    private final Database db;
    private final Queue<Entry> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock commitLock = new ReentrantLock();
    private volatile boolean open = true;
    private final boolean durable;
    private final Thread writer;

    public Journal(Database db) {
        this(db, true);
    }

    public Journal(Database db, boolean durable) {
        this.db = db;
        this.durable = durable;
        this.writer = new Thread(this::writeLoop, "closer-journal");
        writer.setDaemon(true);
        writer.start();
    }

    /** Commits everything queued so far. */
    public void flush() {
        commitLock.lock();
        try {
            while (!queue.isEmpty()) {
                commit(nextBatch());
            }
        } finally {
            commitLock.unlock();
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
        final Thread owner = Thread.currentThread();
        volatile boolean committed;
        volatile RuntimeException failure;

        Entry(AuditRow audit, LedgerRow ledger) {
            this.audit = audit;
            this.ledger = ledger;
        }

        boolean done() {
            return committed || failure != null;
        }
    }

    /**
     * Writes the rows and returns once they are committed; {@code ledger} may be null.
     *
     * <p>The writer thread commits everything queued in one transaction, so under load one commit
     * carries the rows of every caller that arrived while the previous commit ran.
     */
    public void append(AuditRow audit, LedgerRow ledger) {
        if (!open) {
            throw new StoreException("journal is closed", null);
        }
        Entry mine = new Entry(audit, ledger);
        queue.add(mine);
        LockSupport.unpark(writer);
        if (!durable) {
            return;
        }
        while (!mine.done()) {
            LockSupport.park(this);
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
    }

    private void writeLoop() {
        while (open || !queue.isEmpty()) {
            if (queue.isEmpty()) {
                // async mode batches for a few milliseconds; durable callers wake us at once
                LockSupport.parkNanos(this, durable ? 50_000_000L : FLUSH_MILLIS * 1_000_000L);
                continue;
            }
            flush();
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
            batch.forEach(e -> {
                e.committed = true;
                LockSupport.unpark(e.owner);
            });
        } catch (RuntimeException e) {
            LOG.error("journal commit of {} rows failed: {}", batch.size(), e.getMessage());
            batch.forEach(x -> {
                x.failure = e;
                LockSupport.unpark(x.owner);
            });
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
        LockSupport.unpark(writer);
        try {
            writer.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
    }
}
