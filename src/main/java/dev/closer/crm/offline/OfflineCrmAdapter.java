package dev.closer.crm.offline;

import dev.closer.crm.AccountFilters;
import dev.closer.crm.CrmAccount;
import dev.closer.crm.CrmAdapter;
import dev.closer.crm.CrmContact;
import dev.closer.crm.CrmException;
import dev.closer.crm.CrmOpportunity;
import dev.closer.crm.OpportunityFilters;
import dev.closer.crm.Page;
import dev.closer.crm.UpdateResult;
import dev.closer.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The CRM when none is configured: accounts, opportunities and contacts imported into the
 * embedded store for one profile (closer import crm FILE), read and updated through the same
 * interface as the vendors, so every workflow (the guide's Pattern B update included) runs
 * without one. Paging: the cursor is the offset.
 */
public final class OfflineCrmAdapter implements CrmAdapter {

    private static final String OPPORTUNITY_COLUMNS = "id, name, account_id, stage, amount, close_date, loss_reason,"
            + " sales_cycle_days, owner, qualification_score";
    /** Updatable fields and their columns. */
    private static final Map<String, String> WRITABLE = orderedMap("stage", "stage", "amount", "amount", "close_date", "close_date",
            "next_step", "next_step", "name", "name", "qualification_score", "qualification_score", "loss_reason", "loss_reason",
            "owner", "owner");

    private final Database db;
    private final String profile;
    private final Map<String, Integer> writes = new java.util.concurrent.ConcurrentHashMap<>();

    private static Map<String, String> orderedMap(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    public OfflineCrmAdapter(Database db, String profile) {
        this.db = db;
        this.profile = profile;
    }

    @Override
    public String name() {
        return "offline";
    }

    @Override
    public CrmAccount getAccount(String accountId) {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT id, name, industry, revenue, employee_count, region"
                    + " FROM crm_accounts WHERE profile = ? AND id = ?")) {
                p.setString(1, profile);
                p.setString(2, accountId);
                try (ResultSet r = p.executeQuery()) {
                    if (!r.next()) {
                        throw new CrmException(CrmException.Kind.NOT_FOUND, "no account '" + accountId + "' in the offline CRM");
                    }
                    return account(r);
                }
            }
        });
    }

    @Override
    public Page<CrmAccount> searchAccounts(AccountFilters f, int limit, String cursor) {
        int offset = offset(cursor);
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT id, name, industry, revenue, employee_count, region FROM crm_accounts"
                    + " WHERE profile = ? AND (? IS NULL OR name LIKE '%' || ? || '%') AND (? IS NULL OR industry = ?)"
                    + " AND (? IS NULL OR region = ?) ORDER BY id LIMIT ? OFFSET ?")) {
                p.setString(1, profile);
                bindTwice(p, 2, f.name());
                bindTwice(p, 4, f.industry());
                bindTwice(p, 6, f.region());
                p.setInt(8, limit + 1);
                p.setInt(9, offset);
                List<CrmAccount> out = new ArrayList<>();
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        out.add(account(r));
                    }
                }
                return page(out, limit, offset);
            }
        });
    }

    @Override
    public CrmOpportunity getOpportunity(String opportunityId) {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT " + OPPORTUNITY_COLUMNS
                    + " FROM crm_opportunities WHERE profile = ? AND id = ?")) {
                p.setString(1, profile);
                p.setString(2, opportunityId);
                try (ResultSet r = p.executeQuery()) {
                    if (!r.next()) {
                        throw new CrmException(CrmException.Kind.NOT_FOUND, "no opportunity '" + opportunityId + "' in the offline CRM");
                    }
                    return opportunity(r);
                }
            }
        });
    }

    @Override
    public Page<CrmOpportunity> searchOpportunities(OpportunityFilters f, int limit, String cursor) {
        int offset = offset(cursor);
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT " + OPPORTUNITY_COLUMNS + " FROM crm_opportunities WHERE profile = ?"
                    + " AND (? IS NULL OR lower(stage) = lower(?)) AND (? IS NULL OR account_id = ?) AND (? IS NULL OR owner = ?)"
                    + " AND (? IS NULL OR close_date >= ?) AND (? IS NULL OR close_date <= ?) ORDER BY id LIMIT ? OFFSET ?")) {
                p.setString(1, profile);
                bindTwice(p, 2, f.stage());
                bindTwice(p, 4, f.accountId());
                bindTwice(p, 6, f.owner());
                bindTwice(p, 8, f.closeDateAfter() == null ? null : f.closeDateAfter().toString());
                bindTwice(p, 10, f.closeDateBefore() == null ? null : f.closeDateBefore().toString());
                p.setInt(12, limit + 1);
                p.setInt(13, offset);
                List<CrmOpportunity> out = new ArrayList<>();
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        out.add(opportunity(r));
                    }
                }
                return page(out, limit, offset);
            }
        });
    }

    /**
     * Writes the fields whose value differs, in one statement; nothing when none differs. The
     * offline CRM is Closer's own store, so the guard (crm.writes, dry_run) is the tool's.
     */
    @Override
    public UpdateResult updateOpportunity(String opportunityId, Map<String, Object> updates, String idempotencyKey) {
        for (String field : updates.keySet()) {
            if (!WRITABLE.containsKey(field)) {
                throw new CrmException(CrmException.Kind.INVALID_REQUEST, "the offline CRM cannot update '" + field
                        + "'; it updates " + String.join(", ", WRITABLE.keySet()));
            }
        }
        return db.write(c -> {
            Map<String, Object> current = new LinkedHashMap<>();
            try (PreparedStatement p = c.prepareStatement("SELECT " + String.join(", ", WRITABLE.values())
                    + " FROM crm_opportunities WHERE profile = ? AND id = ?")) {
                p.setString(1, profile);
                p.setString(2, opportunityId);
                try (ResultSet r = p.executeQuery()) {
                    if (!r.next()) {
                        throw new CrmException(CrmException.Kind.NOT_FOUND, "no opportunity '" + opportunityId + "' in the offline CRM");
                    }
                    int i = 1;
                    for (String field : WRITABLE.keySet()) {
                        current.put(field, r.getObject(i++));
                    }
                }
            }
            Map<String, UpdateResult.Change> changes = new LinkedHashMap<>();
            Map<String, Object> stored = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : updates.entrySet()) {
                Object value = storable(e.getKey(), e.getValue());
                Object before = current.get(e.getKey());
                if (!same(before, value)) {
                    changes.put(e.getKey(), new UpdateResult.Change(before, e.getValue()));
                    stored.put(WRITABLE.get(e.getKey()), value);
                }
            }
            if (!stored.isEmpty()) {
                String set = stored.keySet().stream().map(col -> col + " = ?").collect(java.util.stream.Collectors.joining(", "));
                try (PreparedStatement p = c.prepareStatement("UPDATE crm_opportunities SET " + set + " WHERE profile = ? AND id = ?")) {
                    int i = 1;
                    for (Object v : stored.values()) {
                        p.setObject(i++, v);
                    }
                    p.setString(i++, profile);
                    p.setString(i, opportunityId);
                    p.executeUpdate();
                }
                writes.merge(opportunityId, 1, Integer::sum);
            }
            return new UpdateResult(true, changes, null, stored.isEmpty() ? "the opportunity already held these values; nothing was written" : null);
        });
    }

    /** Writes this adapter made, per opportunity (tests count them as they count a vendor's PATCHes). */
    public int writes(String opportunityId) {
        return writes.getOrDefault(opportunityId, 0);
    }

    private static Object storable(String field, Object value) {
        if (value == null) {
            return null;
        }
        switch (field) {
            case "amount", "qualification_score" -> {
                if (value instanceof Number n) {
                    return n.doubleValue();
                }
                throw new CrmException(CrmException.Kind.INVALID_REQUEST, "'" + field + "' must be a number");
            }
            case "close_date" -> {
                try {
                    return LocalDate.parse(String.valueOf(value)).toString();
                } catch (java.time.format.DateTimeParseException e) {
                    throw new CrmException(CrmException.Kind.INVALID_REQUEST, "'close_date' must be a date (YYYY-MM-DD), got '" + value + "'");
                }
            }
            default -> {
                return String.valueOf(value);
            }
        }
    }

    private static boolean same(Object stored, Object value) {
        if (stored instanceof Number a && value instanceof Number b) {
            return a.doubleValue() == b.doubleValue();
        }
        return java.util.Objects.equals(stored == null ? null : String.valueOf(stored), value == null ? null : String.valueOf(value));
    }

    private static CrmOpportunity opportunity(ResultSet r) throws SQLException {
        String stage = r.getString(4);
        String s = stage.toLowerCase(Locale.ROOT);
        return new CrmOpportunity(r.getString(1), r.getString(2), r.getString(3), stage, nullableDouble(r, 5),
                r.getString(6) == null ? null : LocalDate.parse(r.getString(6)), s.equals("closed won"),
                s.startsWith("closed"), r.getString(7), (Integer) r.getObject(8), r.getString(9), nullableDouble(r, 10));
    }

    @Override
    public List<CrmContact> listContacts(String accountId) {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT id, name, title, role, account_id FROM crm_contacts"
                    + " WHERE profile = ? AND account_id = ? ORDER BY id")) {
                p.setString(1, profile);
                p.setString(2, accountId);
                List<CrmContact> out = new ArrayList<>();
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        out.add(new CrmContact(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5)));
                    }
                }
                return out;
            }
        });
    }

    private static CrmAccount account(ResultSet r) throws SQLException {
        return new CrmAccount(r.getString(1), r.getString(2), r.getString(3), nullableDouble(r, 4), (Integer) r.getObject(5),
                r.getString(6), "offline");
    }

    private static Double nullableDouble(ResultSet r, int i) throws SQLException {
        double v = r.getDouble(i);
        return r.wasNull() ? null : v;
    }

    private static void bindTwice(PreparedStatement p, int i, String v) throws SQLException {
        p.setString(i, v);
        p.setString(i + 1, v);
    }

    private static int offset(String cursor) {
        try {
            return cursor == null ? 0 : Math.max(0, Integer.parseInt(cursor));
        } catch (NumberFormatException e) {
            throw new CrmException(CrmException.Kind.INVALID_REQUEST, "cursor '" + cursor + "' was not issued by this CRM");
        }
    }

    private static <T> Page<T> page(List<T> rows, int limit, int offset) {
        boolean more = rows.size() > limit;
        return new Page<>(more ? rows.subList(0, limit) : rows, more ? String.valueOf(offset + limit) : null);
    }
}
