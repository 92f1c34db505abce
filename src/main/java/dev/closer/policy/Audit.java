package dev.closer.policy;

import dev.closer.store.Journal;
import dev.closer.tool.Json;
import dev.closer.tool.ToolError;
import java.time.Clock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes one audit row per call (and its ledger row when charged) through the journal. Inputs are
 * stored redacted and abbreviated: arrays keep their first few items and their length, so a
 * 100,000-account call leaves a small row, not a copy of the data.
 */
public final class Audit {

    private static final int KEEP_ITEMS = 3;
    private static final int MAX_STRING = 500;

    private final Journal journal;
    private final Clock clock;

    public Audit(Journal journal, Clock clock) {
        this.journal = journal;
        this.clock = clock;
    }

    public record Call(String profile, String traceId, String tool, String door, JsonNode inputs, ToolError error,
                       long cost, boolean charged, String windowStart, long durationUs) {
    }

    /** Records the call; returns once its rows are committed. */
    public void record(Call call, Redactor redactor) {
        String at = clock.instant().toString();
        String inputs = call.inputs() == null ? null : Json.write(redactor.redact(abbreviate(call.inputs())));
        String error = call.error() == null ? null : Json.write(call.error());
        Journal.AuditRow audit = new Journal.AuditRow(at, call.profile(), call.traceId(), call.tool(), call.door(),
                call.error() == null ? "ok" : "error", call.error() == null ? null : call.error().code(),
                call.charged() ? call.cost() : 0, call.durationUs(), inputs, error);
        Journal.LedgerRow ledger = call.charged() && call.cost() > 0
                ? new Journal.LedgerRow(call.profile(), call.windowStart(), call.traceId(), call.tool(), call.cost(), at)
                : null;
        journal.append(audit, ledger);
    }

    /** A copy of {@code node} with long arrays and strings shortened. */
    static JsonNode abbreviate(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = Json.object();
            node.properties().forEach(e -> out.set(e.getKey(), abbreviate(e.getValue())));
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = Json.MAPPER.createArrayNode();
            for (int i = 0; i < Math.min(KEEP_ITEMS, node.size()); i++) {
                out.add(abbreviate(node.get(i)));
            }
            if (node.size() > KEEP_ITEMS) {
                out.add("... " + (node.size() - KEEP_ITEMS) + " more of " + node.size());
            }
            return out;
        }
        if (node.isString() && node.asString().length() > MAX_STRING) {
            return Json.MAPPER.getNodeFactory().stringNode(node.asString().substring(0, MAX_STRING)
                    + "... (" + node.asString().length() + " chars)");
        }
        return node;
    }
}
