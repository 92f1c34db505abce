package dev.closer.store;

import dev.closer.sales.territory.Territories;
import dev.closer.tool.Json;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A profile's territories in SQLite. */
public final class SqliteTerritories implements Territories {

    private final Database db;

    public SqliteTerritories(Database db) {
        this.db = db;
    }

    @Override
    public void replaceAll(String profile, List<Territory> territories) {
        db.write(c -> {
            try (PreparedStatement d = c.prepareStatement("DELETE FROM territories WHERE profile = ?")) {
                d.setString(1, profile);
                d.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO territories(profile, name, rep_count, capacity_per_rep,"
                    + " account_ids) VALUES (?,?,?,?,?)")) {
                for (Territory t : territories) {
                    p.setString(1, profile);
                    p.setString(2, t.name());
                    p.setInt(3, t.repCount());
                    p.setInt(4, t.capacityPerRep());
                    p.setString(5, Json.write(t.accountIds()));
                    p.addBatch();
                }
                return p.executeBatch().length;
            }
        });
    }

    @Override
    public Optional<Territory> find(String profile, String name) {
        return all(profile, name).stream().findFirst();
    }

    @Override
    public List<Territory> all(String profile) {
        return all(profile, null);
    }

    private List<Territory> all(String profile, String name) {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT name, rep_count, capacity_per_rep, account_ids FROM territories"
                    + " WHERE profile = ?" + (name == null ? "" : " AND name = ?") + " ORDER BY name")) {
                p.setString(1, profile);
                if (name != null) {
                    p.setString(2, name);
                }
                List<Territory> out = new ArrayList<>();
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        out.add(row(r));
                    }
                }
                return out;
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static Territory row(ResultSet r) throws SQLException {
        return new Territory(r.getString(1), r.getInt(2), r.getInt(3), Json.MAPPER.readValue(r.getString(4), List.class));
    }
}
