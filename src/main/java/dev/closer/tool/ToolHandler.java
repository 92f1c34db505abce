package dev.closer.tool;

import tools.jackson.databind.JsonNode;

/**
 * What runs a tool. It receives inputs that already passed the tool's input schema and returns
 * the result object (an ObjectNode matching the output schema). Refusals are thrown as
 * {@link ToolException}. Handlers never see a transport.
 */
@FunctionalInterface
public interface ToolHandler {
    JsonNode handle(JsonNode inputs, CallContext context);
}
