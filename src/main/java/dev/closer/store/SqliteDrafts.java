package dev.closer.store;

import dev.closer.sales.outreach.Draft;
import dev.closer.sales.outreach.Drafts;
import dev.closer.sales.outreach.QualityReport;
import dev.closer.tool.Json;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Drafts in SQLite: the message as JSON beside the columns the review queue filters and sorts on. */
public final class SqliteDrafts implements Drafts {

    private final Database db;

    public SqliteDrafts(Database db) {
        this.db = db;
    }

    @Override
    public void save(String profile, Draft d) {
        db.write(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO drafts(profile, draft_id, status, created_at, message,"
                    + " grade, quality_score, issues) VALUES (?,?,?,?,?,?,?,?)")) {
                p.setString(1, profile);
                p.setString(2, d.draftId());
                p.setString(3, d.status());
                p.setString(4, d.createdAt());
                p.setString(5, Json.write(d));
                p.setString(6, d.grade());
                p.setObject(7, d.qualityScore());
                p.setString(8, Json.write(d.issues()));
                return p.executeUpdate();
            }
        });
    }

    @Override
    public Optional<Draft> find(String profile, String draftId) {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT " + SELECT + " FROM drafts WHERE profile = ? AND draft_id = ?")) {
                p.setString(1, profile);
                p.setString(2, draftId);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? Optional.of(row(r)) : Optional.empty();
                }
            }
        });
    }

    private static final String SELECT = "message, status, grade, quality_score, issues, reviewed_at, reviewer, review_note";

    @Override
    public List<Draft> list(String profile, String status, int limit, String after) {
        return db.read(c -> {
            StringBuilder sql = new StringBuilder("SELECT " + SELECT + " FROM drafts d WHERE profile = ?");
            if (status != null) {
                sql.append(" AND status = ?");
            }
            if (after != null) {
                sql.append(" AND (created_at, draft_id) < (SELECT created_at, draft_id FROM drafts WHERE profile = d.profile"
                        + " AND draft_id = ?)");
            }
            sql.append(" ORDER BY created_at DESC, draft_id DESC LIMIT ?");
            try (PreparedStatement p = c.prepareStatement(sql.toString())) {
                int i = 1;
                p.setString(i++, profile);
                if (status != null) {
                    p.setString(i++, status);
                }
                if (after != null) {
                    p.setString(i++, after);
                }
                p.setInt(i, limit);
                List<Draft> out = new ArrayList<>();
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
    public void updateQuality(String profile, String draftId, QualityReport q) {
        db.write(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE drafts SET grade = ?, quality_score = ?, issues = ?"
                    + " WHERE profile = ? AND draft_id = ?")) {
                p.setString(1, q.grade());
                p.setDouble(2, q.qualityScore());
                p.setString(3, Json.write(q.issues()));
                p.setString(4, profile);
                p.setString(5, draftId);
                return p.executeUpdate();
            }
        });
    }

    @Override
    public boolean review(String profile, String draftId, String from, String to, String reviewer, String note, String at) {
        return db.write(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE drafts SET status = ?, reviewer = ?, review_note = ?,"
                    + " reviewed_at = ? WHERE profile = ? AND draft_id = ? AND status = ?")) {
                p.setString(1, to);
                p.setString(2, reviewer);
                p.setString(3, note);
                p.setString(4, at);
                p.setString(5, profile);
                p.setString(6, draftId);
                p.setString(7, from);
                return p.executeUpdate() == 1;
            }
        });
    }

    private static Draft row(ResultSet r) throws SQLException {
        Draft d = Json.MAPPER.readValue(r.getString(1), Draft.class);
        List<QualityReport.Issue> issues = r.getString(5) == null ? List.of()
                : List.of(Json.MAPPER.readValue(r.getString(5), QualityReport.Issue[].class));
        double q = r.getDouble(4);
        Double quality = r.wasNull() ? null : q;
        return new Draft(d.draftId(), r.getString(2), d.channel(), d.subject(), d.body(), d.recipientName(),
                d.recipientCompany(), d.templateName(), d.variablesUsed(), d.missingVariables(), d.personalizationScore(),
                d.wordCount(), r.getString(3), quality, issues, d.createdAt(), r.getString(6), r.getString(7), r.getString(8));
    }
}
