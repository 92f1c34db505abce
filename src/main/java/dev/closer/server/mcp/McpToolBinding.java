package dev.closer.server.mcp;

import dev.closer.policy.TraceIds;
import dev.closer.tool.CallContext;
import dev.closer.tool.Caller;
import dev.closer.tool.Json;
import dev.closer.tool.ToolDefinition;
import dev.closer.tool.ToolRegistry;
import dev.closer.tool.ToolResult;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncListFilter;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Binds the registry to the MCP Java SDK: each tool becomes a {@link SyncToolSpecification} whose
 * handler only translates — MCP request to {@link ToolRegistry#call}, {@link ToolResult} to
 * {@code CallToolResult} (structuredContent plus its JSON as text; a refusal is isError with the
 * structured error). Context comes from {@code _meta} (trace_id, profile, progressToken) or, over
 * HTTP, the X-Trace-Id / traceparent headers; the caller from the transport context.
 */
public final class McpToolBinding {

    /** Keys in the MCP transport context, filled by each transport's extractor. */
    public static final String CALLER = "closer.caller";
    public static final String TRACE_HEADER = "closer.trace";

    private final ToolRegistry registry;
    private final String defaultProfile;
    private final Function<McpTransportContext, Caller> callers;

    /**
     * @param callers who is calling, from the transport context (stdio: the launching user; HTTP:
     *                the caller the guard filter authenticated)
     */
    public McpToolBinding(ToolRegistry registry, String defaultProfile, Function<McpTransportContext, Caller> callers) {
        this.registry = registry;
        this.defaultProfile = defaultProfile;
        this.callers = callers;
    }

    /** The HTTP transport's callers: the guard filter's, or nobody (no grants) if absent. */
    public static Caller fromContext(McpTransportContext transport) {
        Object c = transport == null ? null : transport.get(CALLER);
        return c instanceof Caller caller ? caller : new Caller("mcp-http", java.util.Set.of());
    }

    public List<SyncToolSpecification> specifications() {
        return registry.all().stream().map(this::specification).toList();
    }

    /** Lists only the tools the caller's profile may see (profile isolation covers listing too). */
    public McpSyncListFilter<McpSchema.Tool> visibility() {
        return (transport, tool) -> registry.find(tool.name())
                .map(d -> registry.list(profileOf(null, caller(transport))).contains(d)).orElse(false);
    }

    @SuppressWarnings("unchecked")
    private SyncToolSpecification specification(ToolDefinition d) {
        McpSchema.Tool tool = new McpSchema.Tool(d.name(), d.title(), d.description(),
                Json.MAPPER.convertValue(d.inputSchema(), Map.class),
                d.outputSchema() == null ? null : Json.MAPPER.convertValue(d.outputSchema(), Map.class),
                new McpSchema.ToolAnnotations(d.title(), d.annotations().readOnly(), d.annotations().destructive(),
                        d.annotations().idempotent(), d.annotations().openWorld(), null),
                Map.of("cost", Json.MAPPER.convertValue(d.source().get("cost"), Object.class)));
        return new SyncToolSpecification(tool, (exchange, request) -> call(d.name(), exchange, request));
    }

    private McpSchema.CallToolResult call(String name, McpSyncServerExchange exchange, McpSchema.CallToolRequest request) {
        Map<String, Object> meta = request.meta() == null ? Map.of() : request.meta();
        McpTransportContext transport = exchange.transportContext();
        Caller caller = caller(transport);
        String trace = meta.get("trace_id") instanceof String s ? s : (String) transport.get(TRACE_HEADER);
        String profile = profileOf(meta.get("profile") instanceof String s ? s : null, caller);
        Object token = meta.get("progressToken");
        CallContext.Progress progress = token == null ? CallContext.Progress.NONE
                : (done, total, message) -> exchange.progressNotification(
                        new McpSchema.ProgressNotification(token, (double) done, (double) total, message));
        JsonNode inputs = request.arguments() == null ? Json.object() : Json.MAPPER.valueToTree(request.arguments());
        ToolResult result = registry.call(name, inputs, new CallContext(trace, profile, progress), caller);
        return toMcp(result);
    }

    static McpSchema.CallToolResult toMcp(ToolResult result) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("trace_id", result.meta().traceId());
        meta.put("cost", result.meta().cost());
        meta.put("budget_remaining", result.meta().budgetRemaining());
        if (result.isError()) {
            Map<String, Object> error = Map.of("error", Map.of("code", result.error().code(),
                    "message", result.error().message(), "details", result.error().details()));
            return McpSchema.CallToolResult.builder().isError(true).addTextContent(Json.write(error))
                    .meta(meta).build();
        }
        Object structured = Json.MAPPER.convertValue(result.value(), Map.class);
        return McpSchema.CallToolResult.builder().isError(false).structuredContent(structured)
                .addTextContent(Json.write(result.value())).meta(meta).build();
    }

    private Caller caller(McpTransportContext transport) {
        return callers.apply(transport);
    }

    private String profileOf(String asked, Caller caller) {
        if (asked != null && !asked.isBlank()) {
            return asked;
        }
        return caller.grants().size() == 1 && !caller.grants().contains("*") ? caller.grants().iterator().next() : defaultProfile;
    }

    static String traceFromHeaders(String xTraceId, String traceparent) {
        return xTraceId != null ? xTraceId : TraceIds.fromTraceparent(traceparent);
    }
}
