package dev.closer.assistant;

import dev.closer.policy.ModelUsage;
import dev.closer.policy.Redactor;
import dev.closer.policy.TraceIds;
import dev.closer.tool.Caller;
import dev.closer.tool.ToolDefinition;
import dev.closer.tool.ToolError;
import dev.closer.tool.ToolException;
import dev.closer.tool.ToolRegistry;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * The chat-driven sales assistant: one turn is a user's request answered by a model that calls
 * Closer's tools through {@link CloserTools} (so through the whole policy chain) until it answers.
 * The loop is Closer's own, not LangChain4j's AiServices, because every model request must first
 * reserve its worst case against the profile's budget and then be charged what it used
 * ({@link ModelUsage}), and a turn is bounded by a number of tool-calling round trips and a time
 * limit. What reaches the model is redacted: the user's text here, tool results by the chain.
 * Conversations are kept per profile; another profile's conversation id is simply not found.
 */
public final class Assistant {

    /** What a turn shows as it happens (streamed to a terminal or a browser). */
    public interface Listener {
        default void text(String delta) {
        }

        default void toolCall(String name, JsonNode arguments) {
        }

        default void toolResult(CloserTools.Outcome outcome) {
        }
    }

    /** One tool call of a turn, as the user sees it. */
    public record Step(String tool, JsonNode arguments, boolean ok, String errorCode, String errorMessage, JsonNode result) {
    }

    /**
     * A finished turn. {@code stopped} is set when the turn ended without the model's answer
     * (budget, time limit, round trips, a failing model); {@code answer} then says why.
     */
    public record Turn(String conversationId, String traceId, String answer, List<Step> steps, long inputTokens,
                       long outputTokens, long unitsCharged, ToolError stopped) {
    }

    private final ToolRegistry registry;
    private final ModelUsage usage;
    private final Function<String, Redactor> redactors;
    private final Conversations conversations;
    private final StreamingChatModel model;
    private final ModelSettings settings;
    private final String systemPrompt;
    private final TraceIds traceIds = new TraceIds();
    /** Each tool's specification and its share of the token estimate, built once per definition (the registry's are fixed). */
    private final Map<ToolDefinition, Spec> specs = Collections.synchronizedMap(new IdentityHashMap<>());

    private record Spec(ToolSpecification specification, long chars) {
    }

    public Assistant(ToolRegistry registry, ModelUsage usage, Function<String, Redactor> redactors, Conversations conversations,
                     StreamingChatModel model, ModelSettings settings, String systemPrompt) {
        this.registry = registry;
        this.usage = usage;
        this.redactors = redactors;
        this.conversations = conversations;
        this.model = model;
        this.settings = settings;
        this.systemPrompt = systemPrompt;
    }

    /**
     * Answers {@code text} in {@code conversationId} (null starts a new conversation, under
     * {@code traceId} if given). Throws {@link ToolException} before anything runs when the caller
     * may not use the profile, the conversation is not this profile's, or the trace id is unusable.
     */
    public Turn ask(Caller caller, String profile, String conversationId, String traceId, String text, Listener listener) {
        long deadline = System.nanoTime() + settings.turnLimit().toNanos();
        usage.remaining(caller, profile);  // PROFILE_DENIED before anything else
        Conversations.Conversation conversation = conversationId == null
                ? new Conversations.Conversation("conv-" + traceIds.generate().substring(0, 20), traceIds.resolve(traceId), null)
                : conversations.find(profile, conversationId).orElseThrow(() -> new ToolException(ToolError.NOT_FOUND,
                        "no conversation '" + conversationId + "' for profile '" + profile + "'", Map.of("conversation_id", conversationId)));
        String trace = conversation.traceId();
        Redactor redactor = redactors.apply(profile);
        List<ChatMessage> history = History.read(conversation.messagesJson());
        history.add(UserMessage.from(redactor.redactText(text)));
        CloserTools tools = new CloserTools(registry, profile, new Caller("assistant", caller.grants()), () -> trace);
        List<ToolSpecification> specs = new ArrayList<>();
        long specChars = 0;
        for (ToolDefinition d : registry.list(profile)) {
            Spec spec = this.specs.computeIfAbsent(d, k -> {
                ToolSpecification s = ToolSpecs.of(k);
                return new Spec(s, TokenEstimate.chars(s));
            });
            specs.add(spec.specification());
            specChars += spec.chars();
        }

        List<Step> steps = new ArrayList<>();
        long in = 0;
        long out = 0;
        long units = 0;
        String answer = null;
        ToolError stopped = null;
        for (int round = 1; answer == null && stopped == null; round++) {
            if (round > settings.maxRounds()) {
                stopped = ToolError.of("TURN_LIMIT", "stopped after " + settings.maxRounds()
                        + " tool-calling round trips without an answer (CLOSER_CHAT_MAX_ROUNDS)");
                break;
            }
            if (System.nanoTime() > deadline) {
                stopped = ToolError.of("TURN_TIMEOUT", "stopped: the turn took longer than " + settings.turnLimit().toSeconds()
                        + " s (CLOSER_CHAT_TURN_SECONDS)");
                break;
            }
            List<ChatMessage> messages = new ArrayList<>();
            messages.add(SystemMessage.from(systemPrompt));
            messages.addAll(history);
            long estimate = TokenEstimate.of(messages, specChars);
            ModelUsage.Hold hold;
            try {
                hold = usage.reserve(new Caller("assistant", caller.grants()), profile, trace, settings.label(),
                        estimate + settings.maxTokens());
            } catch (ToolException refused) {
                stopped = refused.error();
                break;
            }
            ChatResponse response;
            try {
                response = ModelCall.stream(model, ChatRequest.builder().messages(messages).toolSpecifications(specs).build(),
                        listener::text, deadline);
            } catch (ModelCall.Failed e) {
                usage.cancel(hold, e.getMessage());
                stopped = ToolError.of(e.timedOut ? "TURN_TIMEOUT" : "MODEL_FAILED", redactor.redactText(e.getMessage()));
                break;
            }
            TokenUsage used = response.tokenUsage();
            AiMessage ai = response.aiMessage();
            long roundIn = used != null && used.inputTokenCount() != null ? used.inputTokenCount() : estimate;
            long roundOut = used != null && used.outputTokenCount() != null ? used.outputTokenCount()
                    : TokenEstimate.ofText(ai.text()) + 50L * ai.toolExecutionRequests().size();
            in += roundIn;
            out += roundOut;
            units += usage.settle(hold, roundIn, roundOut);
            history.add(redacted(ai, redactor));
            if (!ai.hasToolExecutionRequests()) {
                answer = ai.text() == null ? "" : ai.text();
                break;
            }
            for (ToolExecutionRequest request : ai.toolExecutionRequests()) {
                steps.add(run(tools, request, history, listener));
            }
        }
        if (stopped != null) {
            answer = "Stopped: " + stopped.message();
            history.add(AiMessage.from(answer));  // keeps the roles alternating for the next turn
        }
        conversations.save(profile, new Conversations.Conversation(conversation.id(), trace, History.write(history)));
        return new Turn(conversation.id(), trace, answer, List.copyOf(steps), in, out, units, stopped);
    }

    /**
     * The model's message as it will be sent back: its text and tool arguments redacted, so a
     * secret the model wrote into a call (which the tool itself receives) does not travel again.
     */
    private static AiMessage redacted(AiMessage ai, Redactor redactor) {
        List<ToolExecutionRequest> requests = new ArrayList<>();
        for (ToolExecutionRequest r : ai.toolExecutionRequests()) {
            String args = r.arguments();
            try {
                args = dev.closer.tool.Json.write(redactor.redact(dev.closer.tool.Json.parse(args == null || args.isBlank() ? "{}" : args)));
            } catch (RuntimeException notJson) {
                args = redactor.redactText(args);
            }
            requests.add(ToolExecutionRequest.builder().id(r.id()).name(r.name()).arguments(args).build());
        }
        return ai.toBuilder().text(ai.text() == null ? null : redactor.redactText(ai.text())).toolExecutionRequests(requests).build();
    }

    private static Step run(CloserTools tools, ToolExecutionRequest request, List<ChatMessage> history, Listener listener) {
        CloserTools.Outcome outcome = tools.call(request.name(), request.arguments());
        listener.toolCall(request.name(), outcome.arguments());
        listener.toolResult(outcome);
        history.add(ToolExecutionResultMessage.builder().id(request.id()).toolName(request.name()).text(outcome.text())
                .isError(outcome.isError()).build());
        ToolError e = outcome.error();
        return e == null ? new Step(request.name(), outcome.arguments(), true, null, null, outcome.result().value())
                : new Step(request.name(), outcome.arguments(), false, e.code(), e.message(), null);
    }
}
