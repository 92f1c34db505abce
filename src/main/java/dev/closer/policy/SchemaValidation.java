package dev.closer.policy;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import dev.closer.tool.ToolError;
import dev.closer.tool.ToolException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * Validates inputs (and, for our own safety, outputs) against a tool's JSON Schema 2020-12. Every
 * violation is listed with its JSON pointer, so an agent can fix all of them in one retry.
 * Compiled schemas are cached per tool.
 */
public final class SchemaValidation {

    private static final int MAX_LISTED = 50;

    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    /** Keyed by the schema node's identity: hashing a schema tree on every call costs more than validating. */
    private final Map<Identity, Schema> compiled = new ConcurrentHashMap<>();

    private record Identity(JsonNode node) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Identity other && other.node == node;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(node);
        }
    }

    /** Throws INVALID_INPUT listing every violation; returns quietly when {@code value} is valid. */
    public void requireValid(JsonNode schema, JsonNode value, String what) {
        List<Map<String, Object>> violations = violations(schema, value);
        if (!violations.isEmpty()) {
            String first = violations.get(0).get("path") + ": " + violations.get(0).get("message");
            String more = violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : "";
            throw new ToolException(ToolError.INVALID_INPUT, what + " do not match the schema: " + first + more,
                    Map.of("violations", violations));
        }
    }

    public List<Map<String, Object>> violations(JsonNode schema, JsonNode value) {
        Schema s = compiled.computeIfAbsent(new Identity(schema), k -> registry.getSchema(k.node()));
        List<Error> errors = s.validate(value);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Error e : errors) {
            if (out.size() == MAX_LISTED) {
                break;
            }
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("path", pointer(e.getInstanceLocation(), e.getProperty(), e.getKeyword()));
            v.put("message", message(e));
            v.put("keyword", e.getKeyword());
            out.add(v);
        }
        return out;
    }

    /** The instance location as a JSON pointer; for required/additionalProperties, the named field. */
    static String pointer(NodePath path, String property, String keyword) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object el = path.getElement(i);
            sb.append('/').append(String.valueOf(el).replace("~", "~0").replace("/", "~1"));
        }
        if (property != null && ("required".equals(keyword) || "additionalProperties".equals(keyword)
                || "unevaluatedProperties".equals(keyword))) {
            sb.append('/').append(property);
        }
        return sb.length() == 0 ? "/" : sb.toString();
    }

    private static String message(Error e) {
        String m = e.getMessage();
        // networknt prefixes the location ("$.a.b: ..."); the path is reported separately.
        int colon = m.indexOf(": ");
        if (m.startsWith("$") && colon > 0) {
            m = m.substring(colon + 2);
        }
        if ("additionalProperties".equals(e.getKeyword())) {
            return "unknown field '" + e.getProperty() + "' (not in the tool's input schema)";
        }
        if ("required".equals(e.getKeyword())) {
            return "required field '" + e.getProperty() + "' is missing";
        }
        return m.length() > 300 ? m.substring(0, 300) + "..." : m;
    }

    /**
     * {@code value} with every array cut to its first {@code maxItems} items, for checks whose cost
     * should not grow with the data. A value with no array over the limit (nearly every result) is
     * returned as it is; otherwise the containers are copied and everything else shared.
     */
    public static JsonNode sample(JsonNode value, int maxItems) {
        return longerThan(value, maxItems) ? cut(value, maxItems) : value;
    }

    private static boolean longerThan(JsonNode value, int maxItems) {
        if (value.isArray() && value.size() > maxItems) {
            return true;
        }
        if (value.isContainer()) {
            for (JsonNode child : value.values()) {
                if (longerThan(child, maxItems)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static JsonNode cut(JsonNode value, int maxItems) {
        if (value instanceof tools.jackson.databind.node.ObjectNode obj) {
            tools.jackson.databind.node.ObjectNode out = dev.closer.tool.Json.object();
            obj.properties().forEach(e -> out.set(e.getKey(), cut(e.getValue(), maxItems)));
            return out;
        }
        if (value instanceof tools.jackson.databind.node.ArrayNode arr) {
            tools.jackson.databind.node.ArrayNode out = dev.closer.tool.Json.MAPPER.createArrayNode();
            for (int i = 0; i < Math.min(maxItems, arr.size()); i++) {
                out.add(cut(arr.get(i), maxItems));
            }
            return out;
        }
        return value;
    }
}
