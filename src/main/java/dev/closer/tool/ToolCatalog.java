package dev.closer.tool;

import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the tool schema files (one per tool, see {@code tool-schemas/}) into definitions and
 * fails fast, naming the file, when one is malformed: a missing field, a schema that does not
 * compile, a name that differs from the file name.
 */
public final class ToolCatalog {

    /** The JSON Schema 2020-12 meta-schema (bundled with the validator), loaded on first deep check. */
    private static final class Meta {
        static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        static final com.networknt.schema.Schema SCHEMA = SCHEMAS.getSchema(
                com.networknt.schema.SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
    }

    private ToolCatalog() {
    }

    /** Files keyed by file name (e.g. {@code score_accounts.json}) to their text; full checks. */
    public static List<ToolDefinition> parse(Map<String, String> files) {
        return parse(files, true);
    }

    /**
     * @param deep also check each schema against the JSON Schema 2020-12 meta-schema and compile
     *             it. The files shipped in the jar are deep-checked by the build (ToolCatalogTest),
     *             so start-up checks their structure only and compiles each schema on first use —
     *             which keeps {@code closer stdio}'s cold start short.
     */
    public static List<ToolDefinition> parse(Map<String, String> files, boolean deep) {
        List<ToolDefinition> out = new ArrayList<>();
        for (Map.Entry<String, String> f : new TreeMap<>(files).entrySet()) {
            out.add(parseOne(f.getKey(), f.getValue(), deep));
        }
        return out;
    }

    public static ToolDefinition parseOne(String fileName, String text) {
        return parseOne(fileName, text, true);
    }

    public static ToolDefinition parseOne(String fileName, String text, boolean deep) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(text);
        } catch (RuntimeException e) {
            throw new InvalidToolSchemaException(fileName, "is not valid JSON: " + e.getMessage());
        }
        if (!node.isObject()) {
            throw new InvalidToolSchemaException(fileName, "must contain a JSON object");
        }
        String name = requiredText(node, "name", fileName);
        if (!name.matches("[a-z][a-z0-9_]{0,63}")) {
            throw new InvalidToolSchemaException(fileName, "name '" + name + "' must be snake_case (a-z, 0-9, _)");
        }
        if (!fileName.equals(name + ".json")) {
            throw new InvalidToolSchemaException(fileName, "declares tool '" + name + "'; the file must be named " + name + ".json");
        }
        String description = requiredText(node, "description", fileName);
        ObjectNode input = schema(node, "inputSchema", fileName, true, deep);
        ObjectNode output = schema(node, "outputSchema", fileName, false, deep);
        if (!"object".equals(input.path("type").asString(""))) {
            throw new InvalidToolSchemaException(fileName, "inputSchema must have \"type\": \"object\"");
        }
        CostRule cost;
        try {
            cost = CostRule.parse(node.get("cost"), name);
        } catch (IllegalArgumentException e) {
            throw new InvalidToolSchemaException(fileName, e.getMessage());
        }
        return new ToolDefinition(name, node.path("title").asString(null), description, input, output,
                ToolDefinition.Annotations.from(node.path("annotations")), cost, (ObjectNode) node);
    }

    private static String requiredText(JsonNode node, String field, String file) {
        JsonNode v = node.get(field);
        if (v == null || !v.isString() || v.asString().isBlank()) {
            throw new InvalidToolSchemaException(file, "'" + field + "' is required and must be a non-empty string");
        }
        return v.asString();
    }

    private static ObjectNode schema(JsonNode node, String field, String file, boolean required, boolean deep) {
        JsonNode s = node.get(field);
        if (s == null || s.isNull()) {
            if (required) {
                throw new InvalidToolSchemaException(file, "'" + field + "' is required");
            }
            return null;
        }
        if (!s.isObject()) {
            throw new InvalidToolSchemaException(file, "'" + field + "' must be a JSON Schema object");
        }
        if (!deep) {
            return (ObjectNode) s;
        }
        var problems = Meta.SCHEMA.validate(s);
        if (!problems.isEmpty()) {
            throw new InvalidToolSchemaException(file, "'" + field + "' is not a valid JSON Schema: "
                    + problems.get(0).getInstanceLocation() + " " + problems.get(0).getMessage());
        }
        try {
            Meta.SCHEMAS.getSchema(s).validate(Json.object());
        } catch (RuntimeException e) {
            throw new InvalidToolSchemaException(file, "'" + field + "' is not a valid JSON Schema: " + e.getMessage());
        }
        return (ObjectNode) s;
    }

    /** A schema file is unusable; start-up stops with this message. */
    public static final class InvalidToolSchemaException extends RuntimeException {
        public InvalidToolSchemaException(String file, String problem) {
            super("tool schema " + file + " " + problem);
        }
    }
}
