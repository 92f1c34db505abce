package dev.closer.crm.pipedrive;

import dev.closer.crm.CrmException;
import dev.closer.crm.CrmOpportunity;
import dev.closer.crm.UpdateResult;
import dev.closer.tool.Json;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The PATCH body for one deal update, holding only the fields whose value differs from the deal as
 * just read, and each change {from, to} in Closer's terms. Closer's fields map to Pipedrive's: stage
 * to {@code status} (won, lost) or {@code stage_id} (which reopens a won or lost deal), amount to
 * {@code value}, close_date to {@code expected_close_date}, name to {@code title}; next_step and
 * qualification_score only to configured custom fields; a 40-character hash is a custom field
 * (sent inside {@code custom_fields}, as v2 wants); any other key is a deal field by its API name.
 */
final class PipedriveDealUpdate {

    private static final Pattern CUSTOM_FIELD_KEY = Pattern.compile("[0-9a-f]{40}");

    private final JsonNode deal;
    private final CrmOpportunity before;
    private final PipedriveAdapter.FieldKeys keys;
    private final Supplier<PipedriveStages> stages;
    private final ObjectNode body = Json.object();
    private final Map<String, UpdateResult.Change> changes = new LinkedHashMap<>();

    PipedriveDealUpdate(JsonNode deal, CrmOpportunity before, PipedriveAdapter.FieldKeys keys, Supplier<PipedriveStages> stages) {
        this.deal = deal;
        this.before = before;
        this.keys = keys;
        this.stages = stages;
    }

    /** Refuses, before anything is read, the Closer fields Pipedrive has no place for in this configuration. */
    static void checkSupported(Iterable<String> fields, PipedriveAdapter.FieldKeys keys) {
        for (String key : fields) {
            if ((key.equals("next_step") || key.equals("qualification_score")) && customKeyFor(key, keys) == null) {
                throw new CrmException(CrmException.Kind.INVALID_REQUEST, "Pipedrive deals have no '" + key + "' field; set "
                        + (key.equals("next_step") ? "PIPEDRIVE_FIELD_NEXT_STEP" : "PIPEDRIVE_FIELD_QUALIFICATION_SCORE")
                        + " to a deal custom field's key to write it. Supported: stage, amount, close_date, name, a custom field's"
                        + " 40-character key, or a Pipedrive deal field by its API name");
            }
        }
    }

    ObjectNode body() {
        return body;
    }

    Map<String, UpdateResult.Change> changes() {
        return changes;
    }

    /** Adds the field to the body and to the changes when its value differs from the deal's. */
    void add(String key, Object value) {
        switch (key) {
            case "stage" -> stage(value);
            case "amount" -> {
                Double to = value instanceof Number num ? Double.valueOf(num.doubleValue()) : PipedriveJson.number(String.valueOf(value));
                if (to == null) {
                    throw new CrmException(CrmException.Kind.INVALID_REQUEST, "amount must be a number, not '" + value + "'");
                }
                if (!Objects.equals(before.amount(), to)) {
                    // v2 refuses numbers sent as strings; whole amounts go as integers
                    if (to == Math.rint(to) && Math.abs(to) < 1e15) {
                        body.put("value", to.longValue());
                    } else {
                        body.put("value", to);
                    }
                    changes.put(key, new UpdateResult.Change(before.amount(), value));
                }
            }
            case "close_date" -> {
                LocalDate to;
                try {
                    to = value instanceof LocalDate d ? d : LocalDate.parse(String.valueOf(value).strip());
                } catch (DateTimeParseException e) {
                    throw new CrmException(CrmException.Kind.INVALID_REQUEST, "close_date must be a date (YYYY-MM-DD), not '" + value + "'");
                }
                // Closer's close date of a won deal is when it was won; what a caller sets is the expected close date.
                LocalDate from = PipedriveJson.date(deal.path("expected_close_date"));
                if (!to.equals(from)) {
                    body.put("expected_close_date", to.toString());
                    changes.put(key, new UpdateResult.Change(from == null ? null : from.toString(), value));
                }
            }
            case "name" -> {
                String to = String.valueOf(value);
                if (!to.equals(before.name())) {
                    body.put("title", to);
                    changes.put(key, new UpdateResult.Change(before.name(), value));
                }
            }
            default -> other(key, value);
        }
    }

    private void stage(Object value) {
        String want = String.valueOf(value).strip();
        String status = PipedriveJson.text(deal.path("status"));
        if (want.equalsIgnoreCase("Closed Won") || want.equalsIgnoreCase("Closed Lost")) {
            String to = want.equalsIgnoreCase("Closed Won") ? "won" : "lost";
            if (!to.equals(status)) {
                body.put("status", to);
                changes.put("stage", new UpdateResult.Change(before.stage(), value));
            }
            return;
        }
        JsonNode pipeline = deal.path("pipeline_id");
        Long stageId = stages.get().idIn(pipeline.isNumber() ? pipeline.asLong() : null, want);
        if (stageId == null) {
            throw new CrmException(CrmException.Kind.INVALID_REQUEST, "Pipedrive has no stage called '" + want + "'; stages are "
                    + stages.get().known());
        }
        if (!"open".equals(status) || deal.path("stage_id").asLong(-1) != stageId) {
            body.put("stage_id", stageId);
            if (!"open".equals(status)) {
                body.put("status", "open"); // a won or lost deal moved to a stage is open again
            }
            changes.put("stage", new UpdateResult.Change(before.stage(), value));
        }
    }

    private void other(String key, Object value) {
        String custom = customKeyFor(key, keys);
        JsonNode current = custom != null ? deal.path("custom_fields").path(custom) : deal.path(key);
        JsonNode to = Json.MAPPER.valueToTree(value);
        if (same(current, to)) {
            return;
        }
        if (custom == null) {
            body.set(key, to);
        } else {
            (body.has("custom_fields") ? (ObjectNode) body.get("custom_fields") : body.putObject("custom_fields")).set(custom, to);
        }
        changes.put(key, new UpdateResult.Change(plain(current), value));
    }

    /** The custom-field key a Closer field or a raw key writes to, or null for a standard deal field. */
    private static String customKeyFor(String key, PipedriveAdapter.FieldKeys keys) {
        if (key.equals("next_step")) {
            return keys.nextStep();
        }
        if (key.equals("qualification_score")) {
            return keys.qualificationScore();
        }
        return CUSTOM_FIELD_KEY.matcher(key).matches() ? key : null;
    }

    /** Same value, numbers compared as numbers (80000 equals 80000.0); absent equals null. */
    private static boolean same(JsonNode current, JsonNode wanted) {
        boolean absent = current == null || current.isMissingNode() || current.isNull();
        if (absent || wanted.isNull()) {
            return absent && wanted.isNull();
        }
        if (current.isNumber() && wanted.isNumber()) {
            return current.asDouble() == wanted.asDouble();
        }
        return current.equals(wanted);
    }

    private static Object plain(JsonNode n) {
        if (n == null || n.isMissingNode() || n.isNull()) {
            return null;
        }
        if (n.isIntegralNumber()) {
            return n.asLong();
        }
        if (n.isNumber()) {
            return n.asDouble();
        }
        return n.isString() ? n.asString() : Json.MAPPER.convertValue(n, Object.class);
    }
}
