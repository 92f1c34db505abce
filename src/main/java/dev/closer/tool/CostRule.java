package dev.closer.tool;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What a call costs in budget units, computed from its inputs before it runs. Written in the
 * schema file as an integer, or as {@code {"base": 1, "per_items": {"pointer": "/accounts",
 * "per": 1000}, "if_true": {"/enrich_from_crm": 5}}}: max(base, ceil(items / per)), or the
 * {@code if_true} cost when that input is set (true, or any object — the largest applicable figure wins).
 */
public record CostRule(long base, String itemsPointer, long perItems, Map<String, Long> ifTrue) {

    public CostRule {
        if (base < 0) {
            throw new IllegalArgumentException("cost must not be negative");
        }
        if (itemsPointer != null && perItems <= 0) {
            throw new IllegalArgumentException("per_items.per must be positive");
        }
        ifTrue = Map.copyOf(ifTrue == null ? Map.of() : ifTrue);
    }

    public static CostRule fixed(long units) {
        return new CostRule(units, null, 0, Map.of());
    }

    static CostRule parse(JsonNode node, String tool) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            throw new IllegalArgumentException(tool + ": 'cost' is required");
        }
        if (node.isIntegralNumber()) {
            return fixed(node.asLong());
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException(tool + ": 'cost' must be an integer or an object");
        }
        long base = node.path("base").asLong(1);
        JsonNode items = node.path("per_items");
        String pointer = items.isObject() ? items.path("pointer").asString() : null;
        long per = items.isObject() ? items.path("per").asLong(0) : 0;
        Map<String, Long> ifTrue = new LinkedHashMap<>();
        node.path("if_true").properties().forEach(e -> ifTrue.put(e.getKey(), e.getValue().asLong()));
        return new CostRule(base, pointer, per, ifTrue);
    }

    /** true, a non-zero number, a non-empty string other than "false", or any object or array. */
    private static boolean truthy(JsonNode n) {
        if (n.isMissingNode() || n.isNull()) {
            return false;
        }
        if (n.isBoolean()) {
            return n.asBoolean();
        }
        if (n.isNumber()) {
            return n.asDouble() != 0;
        }
        if (n.isString()) {
            return !n.asString().isEmpty() && !n.asString().equalsIgnoreCase("false");
        }
        return true;
    }

    /** The cost of a call with these (already validated) inputs. */
    public long costOf(JsonNode inputs) {
        long cost = base;
        if (itemsPointer != null) {
            JsonNode items = inputs.at(itemsPointer);
            long n = items.isArray() ? items.size() : 0;
            cost = Math.max(base, (n + perItems - 1) / perItems);
        }
        for (Map.Entry<String, Long> e : ifTrue.entrySet()) {
            if (truthy(inputs.at(e.getKey()))) {
                cost = Math.max(cost, e.getValue());
            }
        }
        return cost;
    }
}
