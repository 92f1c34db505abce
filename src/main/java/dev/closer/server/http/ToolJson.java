package dev.closer.server.http;

import dev.closer.tool.Json;
import dev.closer.tool.ToolDefinition;
import dev.closer.tool.ToolResult;
import tools.jackson.databind.node.ObjectNode;

/** The wire form of tool descriptions and result metadata, shared by the HTTP doors. */
public final class ToolJson {

    private ToolJson() {
    }

    /** A tool as listed: its schema file, as written, plus nothing invented. */
    public static ObjectNode describe(ToolDefinition d) {
        return d.source().deepCopy();
    }

    public static ObjectNode meta(ToolResult.Meta m) {
        ObjectNode meta = Json.object();
        meta.put("trace_id", m.traceId());
        meta.put("cost", m.cost());
        if (m.budgetRemaining() != null) {
            meta.put("budget_remaining", m.budgetRemaining());
        } else {
            meta.putNull("budget_remaining");
        }
        return meta;
    }
}
