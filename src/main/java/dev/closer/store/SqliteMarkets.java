package dev.closer.store;

import dev.closer.sales.territory.MarketDefinition;
import dev.closer.sales.territory.MarketDefinitions;
import dev.closer.tool.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Market definitions in SQLite. The id is derived from the definition's content (SHA-256), so
 * defining the same market twice gives the same id and one row.
 */
public final class SqliteMarkets implements MarketDefinitions {

    private final Database db;

    public SqliteMarkets(Database db) {
        this.db = db;
    }

    @Override
    public String save(String profile, MarketDefinition market) {
        String json = Json.write(market);
        String id = "mkt_" + sha256(json).substring(0, 16);
        db.write(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT OR IGNORE INTO markets(profile, market_id, definition,"
                    + " created_at) VALUES (?, ?, ?, ?)")) {
                p.setString(1, profile);
                p.setString(2, id);
                p.setString(3, json);
                p.setString(4, Instant.now().toString());
                return p.executeUpdate();
            }
        });
        return id;
    }

    @Override
    public Optional<MarketDefinition> find(String profile, String marketId) {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT definition FROM markets WHERE profile = ? AND market_id = ?")) {
                p.setString(1, profile);
                p.setString(2, marketId);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? Optional.of(Json.MAPPER.readValue(r.getString(1), MarketDefinition.class)) : Optional.empty();
                }
            }
        });
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
