package dev.closer.tool;

import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A tool as described by its schema file: what an agent sees (name, title, description, input
 * and output JSON Schemas, MCP annotations) and what it costs. {@code source} is the file as
 * written, served unchanged so {@code $schema}, {@code $defs} and {@code additionalProperties} survive.
 */
public record ToolDefinition(String name, String title, String description, ObjectNode inputSchema,
                             ObjectNode outputSchema, Annotations annotations, CostRule cost, ObjectNode source) {

    public ToolDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(inputSchema, "inputSchema");
        Objects.requireNonNull(annotations, "annotations");
        Objects.requireNonNull(cost, "cost");
    }

    /** MCP tool annotations; hints to clients, and {@code readOnly} is what the readonly profile enforces. */
    public record Annotations(boolean readOnly, boolean destructive, boolean idempotent, boolean openWorld) {

        static Annotations from(JsonNode node) {
            return new Annotations(
                    node.path("readOnlyHint").asBoolean(false),
                    node.path("destructiveHint").asBoolean(!node.path("readOnlyHint").asBoolean(false)),
                    node.path("idempotentHint").asBoolean(false),
                    node.path("openWorldHint").asBoolean(true));
        }
    }
}
