package dev.closer.toolset.intelligence;

import dev.closer.sales.intelligence.Deal;
import dev.closer.tool.ToolException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Reads one deal from JSON: account fields nested under "account" (the guide's shape) or flat
 * (industry, revenue, region, as in a CSV). close_date is a date (midnight UTC) or an ISO date-time
 * with an offset, converted to UTC; an unreadable date is INVALID_INPUT naming the row.
 */
final class DealReader {

    private DealReader() {
    }

    static Deal read(JsonNode d, int index) {
        JsonNode a = d.path("account").isObject() ? d.path("account") : d;
        List<Deal.Contact> contacts = new ArrayList<>();
        for (JsonNode c : d.path("contacts")) {
            contacts.add(new Deal.Contact(text(c.path("title")), text(c.path("role"))));
        }
        return new Deal(text(d.path("deal_id")), d.path("outcome").asString("open"), text(a.path("industry")),
                number(a.path("revenue")), text(a.has("region") ? a.path("region") : a.path("geography")), number(d.path("deal_value")),
                number(d.path("sales_cycle_days")), number(d.path("qualification_score")), text(d.path("loss_reason")),
                closeDate(d.path("close_date"), index), text(d.path("lead_source")), contacts);
    }

    static Instant closeDate(JsonNode n, int index) {
        if (n.isMissingNode() || n.isNull()) {
            return null;
        }
        String t = n.asString("").strip();
        try {
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return t.endsWith("Z") ? Instant.parse(t) : OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            throw ToolException.invalid("/deals/" + index + "/close_date", "'" + t + "' is not a date (2025-10-15 or 2025-10-15T23:30:00-08:00)");
        }
    }

    private static String text(JsonNode n) {
        return n.isString() && !n.asString().isBlank() ? n.asString().strip() : null;
    }

    private static Double number(JsonNode n) {
        return n.isNumber() ? n.asDouble() : null;
    }
}
