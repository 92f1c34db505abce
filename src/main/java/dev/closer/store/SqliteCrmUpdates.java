package dev.closer.store;

import dev.closer.crm.UpdateLog;
import dev.closer.crm.UpdateResult;
import dev.closer.tool.Json;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.Optional;

/** CRM updates by idempotency key (table crm_updates), always filtered by profile. */
public final class SqliteCrmUpdates implements UpdateLog {

    private final Database db;
    private final Clock clock;

    public SqliteCrmUpdates(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public Optional<Entry> find(String profile, String key) {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT crm, opportunity_id, request, state, result FROM crm_updates"
                    + " WHERE profile = ? AND idempotency_key = ?")) {
                p.setString(1, profile);
                p.setString(2, key);
                try (ResultSet r = p.executeQuery()) {
                    if (!r.next()) {
                        return Optional.empty();
                    }
                    UpdateResult result = "applied".equals(r.getString(4)) && r.getString(5) != null
                            ? Json.MAPPER.readValue(r.getString(5), UpdateResult.class) : null;
                    return Optional.of(new Entry(r.getString(1), r.getString(2), r.getString(3), result));
                }
            }
        });
    }

    @Override
    public void pending(String profile, String key, String crm, String opportunityId, String request) {
        db.write(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO crm_updates(profile, idempotency_key, crm, opportunity_id,"
                    + " request, state, at) VALUES (?, ?, ?, ?, ?, 'pending', ?)")) {
                p.setString(1, profile);
                p.setString(2, key);
                p.setString(3, crm);
                p.setString(4, opportunityId);
                p.setString(5, request);
                p.setString(6, clock.instant().toString());
                return p.executeUpdate();
            }
        });
    }

    @Override
    public void applied(String profile, String key, UpdateResult result) {
        db.write(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE crm_updates SET state = 'applied', result = ?, at = ?"
                    + " WHERE profile = ? AND idempotency_key = ?")) {
                p.setString(1, Json.write(result));
                p.setString(2, clock.instant().toString());
                p.setString(3, profile);
                p.setString(4, key);
                return p.executeUpdate();
            }
        });
    }

    @Override
    public void forget(String profile, String key) {
        db.write(c -> {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM crm_updates WHERE profile = ? AND idempotency_key = ?")) {
                p.setString(1, profile);
                p.setString(2, key);
                return p.executeUpdate();
            }
        });
    }
}
