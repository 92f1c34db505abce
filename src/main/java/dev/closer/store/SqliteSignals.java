package dev.closer.store;

import dev.closer.sales.accounts.Signal;
import dev.closer.sales.accounts.SignalStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Account signals in SQLite, per profile. */
public final class SqliteSignals implements SignalStore {

    private final Database db;

    public SqliteSignals(Database db) {
        this.db = db;
    }

    @Override
    public void add(String profile, Map<String, List<Signal>> byAccount) {
        db.write(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO signals(profile, account_id, type, description,"
                    + " strength, observed_at, source) VALUES (?,?,?,?,?,?,?)")) {
                for (Map.Entry<String, List<Signal>> e : byAccount.entrySet()) {
                    for (Signal s : e.getValue()) {
                        p.setString(1, profile);
                        p.setString(2, e.getKey());
                        p.setString(3, s.type());
                        p.setString(4, s.description());
                        p.setDouble(5, s.strength());
                        p.setString(6, s.observedAt());
                        p.setString(7, s.source());
                        p.addBatch();
                    }
                }
                return p.executeBatch().length;
            }
        });
    }

    @Override
    public List<Signal> find(String profile, String accountId) {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT type, description, strength, observed_at, source FROM signals"
                    + " WHERE profile = ? AND account_id = ? ORDER BY observed_at DESC")) {
                p.setString(1, profile);
                p.setString(2, accountId);
                List<Signal> out = new ArrayList<>();
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        out.add(new Signal(r.getString(1), r.getString(2), r.getDouble(3), r.getString(4), r.getString(5)));
                    }
                }
                return out;
            }
        });
    }
}
