package dev.closer.server.http;

import dev.closer.policy.TraceIds;
import dev.closer.tool.CallContext;
import dev.closer.tool.Caller;
import dev.closer.tool.Json;
import dev.closer.tool.ToolDefinition;
import dev.closer.tool.ToolError;
import dev.closer.tool.ToolRegistry;
import dev.closer.tool.ToolResult;
import dev.closer.tool.UnknownToolException;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * REST door: {@code POST /api/v1/tools/{name}} with the seed guide's call shape
 * {@code {"inputs": {...}, "context": {"trace_id", "profile"}}}. A success returns the tool's result
 * object itself plus {@code _meta}; a refusal a 4xx {@code {"error": {...}, "_meta": {...}}}.
 */
public final class RestApi {

    private static final Set<String> BODY_KEYS = Set.of("inputs", "context");
    private static final Set<String> CONTEXT_KEYS = Set.of("trace_id", "profile");

    private final ToolRegistry registry;
    private final String defaultProfile;
    private final TraceIds traceIds = new TraceIds();

    public RestApi(ToolRegistry registry, String defaultProfile) {
        this.registry = registry;
        this.defaultProfile = defaultProfile;
    }

    public void listTools(Context ctx) {
        Caller caller = ctx.attribute(GuardFilter.CALLER);
        String profile = profileFor(ctx.queryParam("profile"), caller, defaultProfile);
        ArrayNode tools = Json.MAPPER.createArrayNode();
        if (caller.may(profile)) {
            for (ToolDefinition d : registry.list(profile)) {
                tools.add(ToolJson.describe(d));
            }
        }
        ObjectNode body = Json.object();
        body.put("profile", profile);
        body.set("tools", tools);
        json(ctx, 200, body);
    }

    public void callTool(Context ctx) {
        Caller caller = ctx.attribute(GuardFilter.CALLER);
        String name = ctx.pathParam("name");
        String contentType = ctx.contentType();
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            problem(ctx, 415, "UNSUPPORTED_MEDIA_TYPE", "send the call as application/json", null);
            return;
        }
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(ctx.bodyInputStream());
        } catch (JacksonException e) {
            problem(ctx, 400, ToolError.INVALID_INPUT, "the request body is not valid JSON: " + e.getOriginalMessage(), null);
            return;
        }
        if (body == null || !body.isObject()) {
            problem(ctx, 400, ToolError.INVALID_INPUT, "the body must be a JSON object {\"inputs\": {...}, \"context\": {...}}", null);
            return;
        }
        String unknown = firstUnknown(body, BODY_KEYS);
        JsonNode inputs = body.path("inputs");
        JsonNode context = body.path("context");
        if (unknown == null && context.isObject()) {
            unknown = firstUnknown(context, CONTEXT_KEYS);
            unknown = unknown == null ? null : "context." + unknown;
        }
        if (unknown != null) {
            problem(ctx, 400, ToolError.INVALID_INPUT, "unknown field '" + unknown + "' in the request body; expected inputs and context {trace_id, profile}", null);
            return;
        }
        if (!inputs.isMissingNode() && !inputs.isObject()) {
            problem(ctx, 400, ToolError.INVALID_INPUT, "'inputs' must be a JSON object", null);
            return;
        }
        if (!context.isMissingNode() && !context.isObject()) {
            problem(ctx, 400, ToolError.INVALID_INPUT, "'context' must be a JSON object", null);
            return;
        }
        String trace = text(context, "trace_id");
        if (trace == null) {
            trace = ctx.header("X-Trace-Id");
        }
        if (trace == null) {
            trace = TraceIds.fromTraceparent(ctx.header("traceparent"));
        }
        String profile = profileFor(text(context, "profile"), caller, defaultProfile);
        ToolResult result;
        try {
            result = registry.call(name, inputs.isObject() ? inputs : Json.object(), new CallContext(trace, profile, null), caller);
        } catch (UnknownToolException e) {
            problem(ctx, 404, "UNKNOWN_TOOL", "no tool named '" + name + "'; GET /api/v1/tools lists them", trace);
            return;
        }
        ObjectNode meta = ToolJson.meta(result.meta());
        if (result.isError()) {
            ObjectNode out = Json.object();
            out.set("error", Json.toTree(result.error()));
            out.set("_meta", meta);
            json(ctx, statusOf(result.error().code()), out);
        } else {
            ObjectNode out = ((ObjectNode) result.value());
            out.set("_meta", meta);
            json(ctx, 200, out);
        }
    }

    /** HTTP status for a tool error code. */
    public static int statusOf(String code) {
        return switch (code) {
            case ToolError.INVALID_INPUT -> 400;
            case ToolError.PROFILE_DENIED, ToolError.NO_AUTO_SEND -> 403;
            case ToolError.NOT_FOUND -> 404;
            case ToolError.BUDGET_EXCEEDED -> 429;
            case ToolError.CRM_AUTH -> 502;
            case ToolError.CRM_UNAVAILABLE -> 503;
            default -> code.startsWith("INVALID") ? 400 : 500;
        };
    }

    static String profileFor(String asked, Caller caller, String defaultProfile) {
        if (asked != null && !asked.isBlank()) {
            return asked;
        }
        // A token grants one profile: it is the natural default for that caller.
        return caller.grants().size() == 1 && !caller.grants().contains("*") ? caller.grants().iterator().next() : defaultProfile;
    }

    static String firstUnknown(JsonNode obj, Set<String> allowed) {
        for (Map.Entry<String, JsonNode> e : obj.properties()) {
            if (!allowed.contains(e.getKey())) {
                return e.getKey();
            }
        }
        return null;
    }

    static String text(JsonNode obj, String field) {
        JsonNode v = obj.path(field);
        return v.isString() ? v.asString() : v.isMissingNode() || v.isNull() ? null : v.toString();
    }

    static void problem(Context ctx, int status, String code, String message, String trace) {
        ObjectNode out = Json.object();
        ObjectNode error = out.putObject("error");
        error.put("code", code);
        error.put("message", message);
        error.putObject("details");
        ObjectNode meta = out.putObject("_meta");
        meta.put("trace_id", trace);
        json(ctx, status, out);
    }

    /**
     * Serializes the body straight onto the servlet response: no copy through Javalin's result
     * stream, and no byte array of the whole body (a 100,000-account result is ~80 MB). A body that
     * fits Jetty's output buffer still goes out with a Content-Length; a larger one is chunked.
     */
    static void json(Context ctx, int status, JsonNode body) {
        var res = ctx.res();
        res.setStatus(status);
        res.setContentType("application/json");
        try {
            Json.MAPPER.writeValue(res.getOutputStream(), body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
