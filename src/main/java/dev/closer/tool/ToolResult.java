package dev.closer.tool;

import tools.jackson.databind.JsonNode;

/**
 * The outcome of one call through the chain: either {@code value} (the tool's result object,
 * already redacted) or {@code error}; {@code meta} is echoed to the caller as {@code _meta}.
 */
public record ToolResult(JsonNode value, ToolError error, Meta meta) {

    public boolean isError() {
        return error != null;
    }

    public static ToolResult ok(JsonNode value, Meta meta) {
        return new ToolResult(value, null, meta);
    }

    public static ToolResult error(ToolError error, Meta meta) {
        return new ToolResult(null, error, meta);
    }

    /** {@code budgetRemaining} is null when the caller's budget is not known (e.g. unknown profile). */
    public record Meta(String traceId, long cost, Long budgetRemaining) {
    }
}
