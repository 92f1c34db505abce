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

    /** What one trace spent in the window, and the {@code limit} traces that spent most, largest first. */
    public record TraceSpend(long traceSpent, Map<String, Long> top) {
    }

    /** One query: the asked trace's row sorts first (if it has one), then the biggest spenders. */
    public TraceSpend spentByTrace(String profile, String windowStart, String traceId, int limit) {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT trace_id, SUM(cost) s FROM budget_ledger"
                    + " WHERE profile = ? AND window_start = ? GROUP BY trace_id"
                    + " ORDER BY trace_id = ? DESC, s DESC, trace_id LIMIT ?")) {
                p.setString(1, profile);
                p.setString(2, windowStart);
                p.setString(3, traceId);
                p.setInt(4, limit + 1);
                long mine = 0;
                Map<String, Long> top = new LinkedHashMap<>();
                try (ResultSet r = p.executeQuery()) {
                    boolean first = true;
                    while (r.next()) {
                        if (first && traceId.equals(r.getString(1))) {
                            mine = r.getLong(2);
                        } else if (top.size() < limit) {
                            top.put(r.getString(1), r.getLong(2));
                        }
                        first = false;
                    }
                }
                if (mine > 0 && (top.size() < limit || mine >= top.values().stream().mapToLong(Long::longValue).min().orElse(0))) {
                    top = withTrace(top, traceId, mine, limit);
                }
                return new TraceSpend(mine, top);
            }
        });
    }

    /** Puts the asked trace among the top ones where its spend ranks it. */
    private static Map<String, Long> withTrace(Map<String, Long> top, String trace, long spent, int limit) {
        Map<String, Long> out = new LinkedHashMap<>();
        boolean placed = false;
        for (Map.Entry<String, Long> e : top.entrySet()) {
            if (!placed && spent >= e.getValue()) {
                out.put(trace, spent);
                placed = true;
            }
            if (out.size() < limit) {
                out.put(e.getKey(), e.getValue());
            }
        }
        if (!placed && out.size() < limit) {
            out.put(trace, spent);
        }
        return out;
    }
}
