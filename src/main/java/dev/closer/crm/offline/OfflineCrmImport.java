package dev.closer.crm.offline;

import dev.closer.store.Database;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Imports {"accounts": [...], "opportunities": [...], "contacts": [...]} into a profile's offline
 * CRM in one transaction (rows with the same id are replaced). A bad row is reported with its
 * pointer (/opportunities/3/close_date) and left out; the rest import.
 */
public final class OfflineCrmImport {

    private final Database db;

    public OfflineCrmImport(Database db) {
        this.db = db;
    }

    public record Report(int accounts, int opportunities, int contacts, List<String> rejected) {
    }

    public Report run(String profile, JsonNode file) {
        List<String> rejected = new ArrayList<>();
        List<JsonNode> accounts = valid(file.path("accounts"), "/accounts", rejected, false);
        List<JsonNode> opps = valid(file.path("opportunities"), "/opportunities", rejected, true);
        List<JsonNode> contacts = valid(file.path("contacts"), "/contacts", rejected, false);
        db.write(c -> {
            try (PreparedStatement a = c.prepareStatement("INSERT OR REPLACE INTO crm_accounts VALUES (?,?,?,?,?,?,?)");
                 PreparedStatement o = c.prepareStatement("INSERT OR REPLACE INTO crm_opportunities (profile, id, name, account_id, stage, amount,"
                         + " close_date, loss_reason, sales_cycle_days, owner, qualification_score) VALUES (?,?,?,?,?,?,?,?,?,?,?)");
                 PreparedStatement k = c.prepareStatement("INSERT OR REPLACE INTO crm_contacts VALUES (?,?,?,?,?,?)")) {
                for (JsonNode n : accounts) {
                    a.setString(1, profile);
                    a.setString(2, n.path("id").asString());
                    a.setString(3, n.path("name").asString(null));
                    a.setString(4, n.path("industry").asString(null));
                    a.setObject(5, n.path("revenue").isNumber() ? n.path("revenue").asDouble() : null);
                    a.setObject(6, n.path("employee_count").isNumber() ? n.path("employee_count").asInt() : null);
                    a.setString(7, n.path("region").asString(null));
                    a.addBatch();
                }
                for (JsonNode n : opps) {
                    o.setString(1, profile);
                    o.setString(2, n.path("id").asString());
                    o.setString(3, n.path("name").asString(null));
                    o.setString(4, n.path("account_id").asString(null));
                    o.setString(5, n.path("stage").asString());
                    o.setObject(6, n.path("amount").isNumber() ? n.path("amount").asDouble() : null);
                    o.setString(7, n.path("close_date").asString(null));
                    o.setString(8, n.path("loss_reason").asString(null));
                    o.setObject(9, n.path("sales_cycle_days").isNumber() ? n.path("sales_cycle_days").asInt() : null);
                    o.setString(10, n.path("owner").asString(null));
                    o.setObject(11, n.path("qualification_score").isNumber() ? n.path("qualification_score").asDouble() : null);
                    o.addBatch();
                }
                for (JsonNode n : contacts) {
                    k.setString(1, profile);
                    k.setString(2, n.path("id").asString());
                    k.setString(3, n.path("account_id").asString(null));
                    k.setString(4, n.path("name").asString(null));
                    k.setString(5, n.path("title").asString(null));
                    k.setString(6, n.path("role").asString(null));
                    k.addBatch();
                }
                a.executeBatch();
                o.executeBatch();
                k.executeBatch();
            }
            return null;
        });
        return new Report(accounts.size(), opps.size(), contacts.size(), rejected);
    }

    private static List<JsonNode> valid(JsonNode rows, String path, List<String> rejected, boolean opportunity) {
        List<JsonNode> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            JsonNode n = rows.get(i);
            String at = path + "/" + i;
            if (!n.path("id").isString() || n.path("id").asString().isBlank()) {
                rejected.add(at + "/id: required");
            } else if (opportunity && !n.path("stage").isString()) {
                rejected.add(at + "/stage: required (e.g. \"Closed Won\", \"Closed Lost\", \"Qualified\")");
            } else if (opportunity && n.path("close_date").isString() && !isDate(n.path("close_date").asString())) {
                rejected.add(at + "/close_date: '" + n.path("close_date").asString() + "' is not a date (YYYY-MM-DD)");
            } else {
                out.add(n);
            }
        }
        return out;
    }

    private static boolean isDate(String s) {
        try {
            LocalDate.parse(s);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
