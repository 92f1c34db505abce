package dev.closer.server.http;

import dev.closer.assistant.Assistant;
import dev.closer.assistant.CloserTools;
import dev.closer.assistant.ModelSettings;
import dev.closer.policy.ProfileCatalog;
import dev.closer.tool.Caller;
import dev.closer.tool.Json;
import dev.closer.tool.ToolError;
import dev.closer.tool.ToolException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The chat assistant over HTTP. {@code GET /api/v1/chat} says whether a model is configured (and
 * if not, what to set). {@code POST /api/v1/chat} with {@code {"message", "conversation_id"?,
 * "context": {"profile", "trace_id"}}} runs one turn: the answer as JSON, or, with
 * {@code Accept: text/event-stream}, as server-sent events while it happens ({@code tool_call},
 * {@code tool_result}, {@code text}, then {@code done} with the whole turn). Conversations belong
 * to a profile: another profile's conversation id is not found. A refusal before the turn starts
 * (profile, conversation, trace id) is a 4xx problem; a turn the budget or a limit stops is still
 * a 200, with {@code stopped} saying why, because what happened before it stopped is the answer.
 */
public final class ChatApi {

    private static final int MAX_MESSAGE = 20_000;
    private static final Set<String> FIELDS = Set.of("message", "conversation_id", "context");

    private final Supplier<Assistant> assistant;
    private final ModelSettings model;
    private final ProfileCatalog profiles;
    private final String defaultProfile;
    private volatile Assistant built;

    public ChatApi(Supplier<Assistant> assistant, ModelSettings model, ProfileCatalog profiles, String defaultProfile) {
        this.assistant = assistant;
        this.model = model;
        this.profiles = profiles;
        this.defaultProfile = defaultProfile;
    }

    public Consumer<JavalinConfig> routes() {
        return config -> {
            config.routes.get("/api/v1/chat", this::status);
            config.routes.post("/api/v1/chat", this::turn);
        };
    }

    private void status(Context ctx) {
        ObjectNode out = Json.object();
        String missing = model.missing();
        out.put("configured", missing == null);
        out.put("model", missing == null ? model.label() : null);
        out.put("missing", missing);
        RestApi.json(ctx, 200, out);
    }

    private void turn(Context ctx) {
        if (!String.valueOf(ctx.contentType()).toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            RestApi.problem(ctx, 415, "UNSUPPORTED_MEDIA_TYPE", "send the request as application/json", null);
            return;
        }
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(ctx.bodyInputStream());
        } catch (JacksonException e) {
            RestApi.problem(ctx, 400, ToolError.INVALID_INPUT, "the body is not valid JSON", null);
            return;
        }
        String problem = problem(body);
        if (problem != null) {
            RestApi.problem(ctx, 400, ToolError.INVALID_INPUT, problem, null);
            return;
        }
        String missing = model.missing();
        if (missing != null) {
            RestApi.problem(ctx, 503, "LLM_NOT_CONFIGURED", missing, null);
            return;
        }
        Caller caller = ctx.attribute(GuardFilter.CALLER);
        JsonNode context = body.path("context");
        String profile = RestApi.profileFor(RestApi.text(context, "profile"), caller, defaultProfile);
        boolean stream = String.valueOf(ctx.header("Accept")).contains("text/event-stream");
        EventStream events = new EventStream(ctx);
        try {
            Assistant.Turn turn = assistant().ask(caller, profile, RestApi.text(body, "conversation_id"), RestApi.text(context, "trace_id"),
                    body.path("message").asString(), stream ? events : new Assistant.Listener() { });
            if (stream) {
                events.send("done", ChatJson.turn(turn));
            } else {
                RestApi.json(ctx, 200, ChatJson.turn(turn));
            }
        } catch (ToolException refused) {
            if (events.started()) {
                events.send("error", Json.toTree(refused.error()));
            } else {
                RestApi.problem(ctx, RestApi.statusOf(refused.error().code()), refused.error().code(), refused.error().message(), null);
            }
        }
    }

    private Assistant assistant() {
        if (built == null) {
            built = assistant.get();
        }
        return built;
    }

    private static String problem(JsonNode body) {
        if (!body.isObject()) {
            return "the body must be a JSON object {\"message\": ..., \"conversation_id\": ..., \"context\": {...}}";
        }
        String unknown = RestApi.firstUnknown(body, FIELDS);
        if (unknown != null) {
            return "unknown field '" + unknown + "'; the fields are message, conversation_id and context";
        }
        JsonNode message = body.path("message");
        if (!message.isString() || message.asString().isBlank()) {
            return "/message: required, a non-empty string";
        }
        if (message.asString().length() > MAX_MESSAGE) {
            return "/message: at most " + MAX_MESSAGE + " characters";
        }
        if (!body.path("conversation_id").isMissingNode() && !body.path("conversation_id").isString()) {
            return "/conversation_id: must be a string";
        }
        if (!body.path("context").isMissingNode() && !body.path("context").isObject()) {
            return "/context: must be an object {\"profile\", \"trace_id\"}";
        }
        return null;
    }

    /**
     * Server-sent events on the response, opened with the first event. A reader that goes away
     * mid-turn stops the events, not the turn: its tool calls and tokens are already paid for, so
     * the turn finishes and is saved, and the conversation can be picked up again.
     */
    private static final class EventStream implements Assistant.Listener {
        private final Context ctx;
        private boolean started;
        private boolean gone;

        EventStream(Context ctx) {
            this.ctx = ctx;
        }

        boolean started() {
            return started;
        }

        @Override
        public void text(String delta) {
            ObjectNode d = Json.object();
            d.put("delta", delta);
            send("text", d);
        }

        @Override
        public void toolCall(String name, JsonNode arguments) {
            ObjectNode d = Json.object();
            d.put("tool", name);
            d.set("arguments", arguments);
            send("tool_call", d);
        }

        @Override
        public void toolResult(CloserTools.Outcome outcome) {
            send("tool_result", ChatJson.outcome(outcome));
        }

        synchronized void send(String event, JsonNode data) {
            if (gone) {
                return;
            }
            try {
                var res = ctx.res();
                if (!started) {
                    res.setStatus(200);
                    res.setContentType("text/event-stream; charset=utf-8");
                    res.setHeader("Cache-Control", "no-cache");
                    res.setHeader("X-Accel-Buffering", "no");
                    started = true;
                }
                var out = res.getOutputStream();
                out.write(("event: " + event + "\ndata: " + Json.write(data) + "\n\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                out.flush();
            } catch (java.io.IOException e) {
                gone = true;
            }
        }
    }
}
