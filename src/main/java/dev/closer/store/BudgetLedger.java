package dev.closer.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads of the budget ledger (writes go through the {@link Journal}). Always filtered by profile. */
public final class BudgetLedger {

    private final Database db;

    public BudgetLedger(Database db) {
        this.db = db;
    }

    public long spent(String profile, String windowStart) {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT COALESCE(SUM(cost), 0) FROM budget_ledger WHERE profile = ? AND window_start = ?")) {
                p.setString(1, profile);
                p.setString(2, windowStart);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? r.getLong(1) : 0L;
                }
            }
        });
    }

    /** Spend per trace id in the window, largest first, at most {@code limit} traces. */
    public Map<String, Long> spentByTrace(String profile, String windowStart, int limit) {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT trace_id, SUM(cost) s FROM budget_ledger"
                    + " WHERE profile = ? AND window_start = ? GROUP BY trace_id ORDER BY s DESC, trace_id LIMIT ?")) {
                p.setString(1, profile);
                p.setString(2, windowStart);
                p.setInt(3, limit);
                Map<String, Long> out = new LinkedHashMap<>();
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        out.put(r.getString(1), r.getLong(2));
                    }
                }
                return out;
            }
        });
    }

    public long spentByTrace(String profile, String windowStart, String traceId) {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT COALESCE(SUM(cost), 0) FROM budget_ledger"
                    + " WHERE profile = ? AND window_start = ? AND trace_id = ?")) {
                p.setString(1, profile);
                p.setString(2, windowStart);
                p.setString(3, traceId);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? r.getLong(1) : 0L;
                }
            }
        });
    }
}
