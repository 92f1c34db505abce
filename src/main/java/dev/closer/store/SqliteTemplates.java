package dev.closer.store;

import dev.closer.sales.outreach.Template;
import dev.closer.sales.outreach.Templates;
import dev.closer.tool.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Versioned templates in SQLite; every query is filtered by profile. */
public final class SqliteTemplates implements Templates {

    private static final String COLUMNS = "template_id, name, version, subject, body, channel, tags, variables";

    private final Database db;

    public SqliteTemplates(Database db) {
        this.db = db;
    }

    @Override
    public Template save(String profile, Template t) {
        db.write(c -> insert(c, profile, t));
        return t;
    }

    private static int insert(Connection c, String profile, Template t) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO templates(profile, " + COLUMNS
                + ", created_at) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
            p.setString(1, profile);
            p.setString(2, t.templateId());
            p.setString(3, t.name());
            p.setInt(4, t.version());
            p.setString(5, t.subject());
            p.setString(6, t.body());
            p.setString(7, t.channel());
            p.setString(8, Json.write(t.tags()));
            p.setString(9, Json.write(t.variables()));
            p.setString(10, Instant.now().toString());
            return p.executeUpdate();
        }
    }

    @Override
    public Optional<Template> find(String profile, String idOrName, Integer version) {
        return db.read(c -> {
            String sql = "SELECT " + COLUMNS + " FROM templates t WHERE profile = ? AND (template_id = ? OR name = ?)"
                    + " AND deleted = 0 AND " + (version == null
                    ? "version = (SELECT MAX(version) FROM templates WHERE profile = t.profile AND template_id = t.template_id)"
                    : "version = ?") + " ORDER BY version DESC LIMIT 1";
            try (PreparedStatement p = c.prepareStatement(sql)) {
                p.setString(1, profile);
                p.setString(2, idOrName);
                p.setString(3, idOrName);
                if (version != null) {
                    p.setInt(4, version);
                }
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? Optional.of(row(r)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<Template> latest(String profile) {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM templates t WHERE profile = ?"
                    + " AND deleted = 0 AND version = (SELECT MAX(version) FROM templates WHERE profile = t.profile"
                    + " AND template_id = t.template_id) ORDER BY name")) {
                p.setString(1, profile);
                List<Template> out = new ArrayList<>();
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        out.add(row(r));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public boolean delete(String profile, String templateId) {
        return db.write(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE templates SET deleted = 1 WHERE profile = ? AND template_id = ?"
                    + " AND deleted = 0")) {
                p.setString(1, profile);
                p.setString(2, templateId);
                return p.executeUpdate() > 0;
            }
        });
    }

    @Override
    public void seedOnce(String profile, List<Template> starter) {
        db.write(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT OR IGNORE INTO template_seeds(profile, seeded_at) VALUES (?, ?)")) {
                p.setString(1, profile);
                p.setString(2, Instant.now().toString());
                if (p.executeUpdate() == 0) {
                    return null;
                }
            }
            for (Template t : starter) {
                insert(c, profile, t);
            }
            return null;
        });
    }

    private static Template row(ResultSet r) throws SQLException {
        return new Template(r.getString(1), r.getString(2), r.getInt(3), r.getString(4), r.getString(5), r.getString(6),
                strings(r.getString(7)), strings(r.getString(8)));
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(String json) {
        return Json.MAPPER.readValue(json, List.class);
    }
}
