package dev.closer.assistant;

import dev.closer.tool.CallContext;
import dev.closer.tool.Caller;
import dev.closer.tool.Json;
import dev.closer.tool.ToolDefinition;
import dev.closer.tool.ToolError;
import dev.closer.tool.ToolRegistry;
import dev.closer.tool.ToolResult;
import dev.closer.tool.UnknownToolException;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.invocation.InvocationContext;
import dev.langchain4j.service.tool.ToolExecutionResult;
import dev.langchain4j.service.tool.ToolExecutor;
import dev.langchain4j.service.tool.ToolProvider;
import dev.langchain4j.service.tool.ToolProviderResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Closer's tools for a LangChain4j agent — the assistant inside Closer or a user's own
 * {@code AiServices} agent: each tool the profile may use as a {@link ToolSpecification} built
 * from its schema file, with a {@link ToolExecutor} that goes through {@link ToolRegistry#call},
 * so the whole policy chain (profile, validation, budget, no-auto-send, redaction, audit) applies
 * to every call the model makes. The profile is fixed here, never taken from the model. The model
 * gets the tool's result as JSON, or {@code {"error": {code, message, details}}} marked as an error.
 */
public final class CloserTools {

    /**
     * One call's outcome: what the model is told, and the chain's result ({@code result} is null when
     * the bridge refused the call itself: arguments that are not JSON, an unknown tool).
     */
    public record Outcome(String name, JsonNode arguments, ToolResult result, ToolError refusal, String text) {
        public boolean isError() {
            return error() != null;
        }

        /** The chain's error or the bridge's refusal; null when the call succeeded. */
        public ToolError error() {
            return result != null ? result.error() : refusal;
        }
    }

    private final ToolRegistry registry;
    private final String profile;
    private final Caller caller;
    private final Supplier<String> traceId;

    /**
     * @param caller  who is calling: its door (audit) and the profiles its credential grants
     * @param traceId the trace every call is recorded under (a conversation's, say); null: a new one per call
     */
    public CloserTools(ToolRegistry registry, String profile, Caller caller, Supplier<String> traceId) {
        this.registry = registry;
        this.profile = profile;
        this.caller = caller;
        this.traceId = traceId == null ? () -> null : traceId;
    }

    /** The profile's tools, as LangChain4j's {@code AiServices.builder(...).tools(map)} takes them. */
    public Map<ToolSpecification, ToolExecutor> tools() {
        Map<ToolSpecification, ToolExecutor> out = new LinkedHashMap<>();
        for (ToolDefinition d : registry.list(profile)) {
            out.put(ToolSpecs.of(d), executor());
        }
        return out;
    }

    /** The same as a {@link ToolProvider}, for {@code AiServices.builder(...).toolProvider(...)}. */
    public ToolProvider provider() {
        return request -> new ToolProviderResult(tools());
    }

    public List<ToolSpecification> specifications() {
        return registry.list(profile).stream().map(ToolSpecs::of).toList();
    }

    /** Runs one tool call through the chain. Malformed arguments and unknown tools are answered, not thrown. */
    public Outcome call(String name, String arguments) {
        JsonNode args;
        try {
            args = arguments == null || arguments.isBlank() ? Json.object() : Json.parse(arguments);
        } catch (JacksonException e) {
            return refused(name, null, "INVALID_INPUT", "the arguments are not valid JSON");
        }
        if (!args.isObject()) {
            return refused(name, args, "INVALID_INPUT", "the arguments must be a JSON object");
        }
        try {
            ToolResult r = registry.call(name, args, new CallContext(traceId.get(), profile, null), caller);
            return new Outcome(name, args, r, null, text(r));
        } catch (UnknownToolException e) {
            return refused(name, args, "UNKNOWN_TOOL", "there is no tool named '" + name + "'");
        }
    }

    private ToolExecutor executor() {
        return new ToolExecutor() {
            @Override
            public String execute(ToolExecutionRequest request, Object memoryId) {
                return call(request.name(), request.arguments()).text();
            }

            @Override
            public ToolExecutionResult executeWithContext(ToolExecutionRequest request, InvocationContext context) {
                Outcome o = call(request.name(), request.arguments());
                return ToolExecutionResult.builder().resultText(o.text()).isError(o.isError()).build();
            }
        };
    }

    static String text(ToolResult r) {
        if (!r.isError()) {
            return Json.write(r.value());
        }
        ObjectNode out = Json.object();
        out.set("error", Json.toTree(r.error()));
        return Json.write(out);
    }

    private static Outcome refused(String name, JsonNode args, String code, String message) {
        ToolError refusal = ToolError.of(code, message);
        ObjectNode out = Json.object();
        out.set("error", Json.toTree(refusal));
        return new Outcome(name, args, null, refusal, Json.write(out));
    }
}
