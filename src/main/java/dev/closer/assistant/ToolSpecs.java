package dev.closer.assistant;

import dev.closer.tool.ToolDefinition;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A tool's schema file as a LangChain4j {@link ToolSpecification}. LangChain4j types the root of
 * the parameters as an object schema, so the root's properties, required list and $defs are
 * carried over, each property verbatim (formats, bounds, enums, defaults and all) as a raw schema
 * that every provider sends on unchanged. Root-level combinators (an {@code anyOf} of required
 * groups) have no place there; the policy chain still validates every call against the full file.
 */
public final class ToolSpecs {

    private ToolSpecs() {
    }

    public static ToolSpecification of(ToolDefinition tool) {
        JsonNode schema = tool.inputSchema();
        Map<String, JsonSchemaElement> properties = new LinkedHashMap<>();
        schema.path("properties").properties().forEach(e -> properties.put(e.getKey(), JsonRawSchema.from(e.getValue().toString())));
        List<String> required = new ArrayList<>();
        schema.path("required").values().forEach(r -> required.add(r.asString()));
        JsonObjectSchema.Builder root = JsonObjectSchema.builder().addProperties(properties).required(required);
        Map<String, JsonSchemaElement> defs = new LinkedHashMap<>();
        schema.path("$defs").properties().forEach(e -> defs.put(e.getKey(), JsonRawSchema.from(e.getValue().toString())));
        if (!defs.isEmpty()) {
            root.definitions(defs);
        }
        if (schema.path("additionalProperties").isBoolean()) {
            root.additionalProperties(schema.path("additionalProperties").booleanValue());
        }
        String title = tool.title() == null ? "" : tool.title() + ". ";
        return ToolSpecification.builder().name(tool.name()).description(title + tool.description()).parameters(root.build()).build();
    }
}
