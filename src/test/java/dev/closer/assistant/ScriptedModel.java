package dev.closer.assistant;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.closer.tool.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A chat model played by WireMock in a vendor's real streaming wire format (OpenAI-compatible
 * chat completions as SSE chunks with tool_calls deltas and a final usage chunk; Anthropic
 * messages as typed SSE events with input_json_delta), answering a script one step per request.
 * Every request body the "model" received is kept, to check what reached it.
 */
public final class ScriptedModel {

    public enum Vendor { OPENAI, ANTHROPIC, OLLAMA }

    /** A tool call the model makes. */
    public record Call(String id, String name, String argumentsJson) {
    }

    /** One model answer: tool calls, or text. */
    public record Step(List<Call> calls, String text, int delayMs) {
        public Step delayed(int ms) {
            return new Step(calls, text, ms);
        }
    }

    public static Step tools(Call... calls) {
        return new Step(List.of(calls), null, 0);
    }

    public static Step text(String text) {
        return new Step(List.of(), text, 0);
    }

    public static Call call(String name, String argumentsJson) {
        return new Call("call_" + name + "_" + Math.abs(argumentsJson.hashCode() % 10_000), name, argumentsJson);
    }

    public static final String API_KEY = "sk-model-canary-8c1f2e";

    private final WireMockServer wm;
    private final Vendor vendor;
    private final boolean streaming;

    public ScriptedModel(WireMockServer wm, Vendor vendor) {
        this(wm, vendor, true);
    }

    /** {@code streaming} false: OpenAI's non-streaming chat completions (for synchronous clients). */
    public ScriptedModel(WireMockServer wm, Vendor vendor, boolean streaming) {
        this.wm = wm;
        this.vendor = vendor;
        this.streaming = streaming;
    }

    public String path() {
        return switch (vendor) {
            case OPENAI -> "/v1/chat/completions";
            case ANTHROPIC -> "/v1/messages";
            case OLLAMA -> "/api/chat";
        };
    }

    /** The environment that points Closer at this model. */
    public Map<String, String> env() {
        return switch (vendor) {
            case OPENAI -> Map.of("CLOSER_LLM_PROVIDER", "openai", "CLOSER_LLM_MODEL", "gpt-test", "CLOSER_LLM_BASE_URL",
                    wm.baseUrl() + "/v1", "CLOSER_LLM_API_KEY", API_KEY);
            case ANTHROPIC -> Map.of("CLOSER_LLM_PROVIDER", "anthropic", "CLOSER_LLM_MODEL", "claude-test", "CLOSER_LLM_BASE_URL",
                    wm.baseUrl() + "/v1", "CLOSER_LLM_API_KEY", API_KEY);
            case OLLAMA -> Map.of("CLOSER_LLM_PROVIDER", "ollama", "CLOSER_LLM_MODEL", "llama-test", "CLOSER_LLM_BASE_URL", wm.baseUrl());
        };
    }

    /** Answers the n-th model request with the n-th step; a request past the script gets a 500. */
    public ScriptedModel script(Step... steps) {
        wm.resetAll();
        for (int i = 0; i < steps.length; i++) {
            String state = i == 0 ? Scenario.STARTED : "step-" + i;
            ResponseDefinitionBuilder answer = !streaming
                    ? aResponse().withHeader("Content-Type", "application/json").withBody(openAiJson(steps[i], i))
                    : aResponse().withHeader("Content-Type", vendor == Vendor.OLLAMA ? "application/json" : "text/event-stream")
                            .withBody(wire(steps[i], i));
            if (steps[i].delayMs() > 0) {
                answer = answer.withChunkedDribbleDelay(20, steps[i].delayMs());
            }
            wm.stubFor(post(urlPathEqualTo(path())).inScenario("script").whenScenarioStateIs(state)
                    .willSetStateTo("step-" + (i + 1)).willReturn(answer));
        }
        wm.stubFor(post(urlPathEqualTo(path())).inScenario("script").whenScenarioStateIs("step-" + steps.length)
                .willReturn(aResponse().withStatus(500).withBody("{\"error\": {\"message\": \"the script has no more steps\"}}")));
        return this;
    }

    /** One step's streamed answer in this vendor's wire format, for stubs of one's own (AssistantTimings). */
    public String wire(Step step) {
        return wire(step, 0);
    }

    private String wire(Step step, int n) {
        return switch (vendor) {
            case OPENAI -> openAi(step, n);
            case ANTHROPIC -> anthropic(step, n);
            case OLLAMA -> ollama(step);
        };
    }

    /**
     * Ollama's /api/chat answer with "stream": false (Closer asks Ollama for whole answers, see
     * WholeAnswers): tool calls carry their arguments as an object, and no id.
     */
    private static String ollama(Step step) {
        StringBuilder message = new StringBuilder("{\"role\":\"assistant\",");
        if (step.calls().isEmpty()) {
            message.append("\"content\":").append(Json.write(step.text())).append("}");
        } else {
            message.append("\"content\":\"\",\"tool_calls\":[");
            for (int i = 0; i < step.calls().size(); i++) {
                Call c = step.calls().get(i);
                message.append(i > 0 ? "," : "").append("{\"function\":{\"name\":\"").append(c.name()).append("\",\"arguments\":")
                        .append(c.argumentsJson()).append("}}");
            }
            message.append("]}");
        }
        return "{\"model\":\"llama-test\",\"created_at\":\"2026-11-25T10:00:00Z\",\"message\":" + message
                + ",\"done_reason\":\"stop\",\"done\":true,\"prompt_eval_count\":1000,\"eval_count\":50}";
    }

    /** The bodies of the requests the model received, in order. */
    public List<String> requests() {
        List<String> out = new ArrayList<>();
        wm.findAll(postRequestedFor(urlPathEqualTo(path()))).forEach(r -> out.add(r.getBodyAsString()));
        return out;
    }

    private static String openAi(Step step, int n) {
        String id = "chatcmpl-" + n;
        StringBuilder sse = new StringBuilder();
        String head = "{\"id\":\"" + id + "\",\"object\":\"chat.completion.chunk\",\"created\":1764000000,\"model\":\"gpt-test\",\"choices\":[";
        if (step.calls().isEmpty()) {
            sse.append(data(head + "{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}],\"usage\":null}"));
            for (String part : pieces(step.text())) {
                sse.append(data(head + "{\"index\":0,\"delta\":{\"content\":" + Json.write(part) + "},\"finish_reason\":null}],\"usage\":null}"));
            }
            sse.append(data(head + "{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],\"usage\":null}"));
        } else {
            for (int i = 0; i < step.calls().size(); i++) {
                Call c = step.calls().get(i);
                sse.append(data(head + "{\"index\":0,\"delta\":{" + (i == 0 ? "\"role\":\"assistant\",\"content\":null," : "")
                        + "\"tool_calls\":[{\"index\":" + i + ",\"id\":\"" + c.id() + "\",\"type\":\"function\",\"function\":{\"name\":\""
                        + c.name() + "\",\"arguments\":\"\"}}]},\"finish_reason\":null}],\"usage\":null}"));
                for (String part : pieces(c.argumentsJson())) {
                    sse.append(data(head + "{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":" + i + ",\"function\":{\"arguments\":"
                            + Json.write(part) + "}}]},\"finish_reason\":null}],\"usage\":null}"));
                }
            }
            sse.append(data(head + "{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}],\"usage\":null}"));
        }
        sse.append(data(head + "],\"usage\":{\"prompt_tokens\":1000,\"completion_tokens\":50,\"total_tokens\":1050}}"));
        sse.append("data: [DONE]\n\n");
        return sse.toString();
    }

    private static String openAiJson(Step step, int n) {
        StringBuilder message = new StringBuilder("{\"role\":\"assistant\",");
        if (step.calls().isEmpty()) {
            message.append("\"content\":").append(Json.write(step.text())).append("}");
        } else {
            message.append("\"content\":null,\"tool_calls\":[");
            for (int i = 0; i < step.calls().size(); i++) {
                Call c = step.calls().get(i);
                message.append(i > 0 ? "," : "").append("{\"id\":\"").append(c.id()).append("\",\"type\":\"function\",\"function\":{\"name\":\"")
                        .append(c.name()).append("\",\"arguments\":").append(Json.write(c.argumentsJson())).append("}}");
            }
            message.append("]}");
        }
        return "{\"id\":\"chatcmpl-" + n + "\",\"object\":\"chat.completion\",\"created\":1764000000,\"model\":\"gpt-test\","
                + "\"choices\":[{\"index\":0,\"message\":" + message + ",\"finish_reason\":\"" + (step.calls().isEmpty() ? "stop" : "tool_calls")
                + "\"}],\"usage\":{\"prompt_tokens\":1000,\"completion_tokens\":50,\"total_tokens\":1050}}";
    }

    private static String anthropic(Step step, int n) {
        StringBuilder sse = new StringBuilder();
        sse.append(event("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_" + n + "\",\"type\":\"message\","
                + "\"role\":\"assistant\",\"model\":\"claude-test\",\"content\":[],\"stop_reason\":null,\"stop_sequence\":null,"
                + "\"usage\":{\"input_tokens\":1000,\"output_tokens\":1}}}"));
        if (step.calls().isEmpty()) {
            sse.append(event("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"));
            for (String part : pieces(step.text())) {
                sse.append(event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":"
                        + Json.write(part) + "}}"));
            }
            sse.append(event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"));
        } else {
            for (int i = 0; i < step.calls().size(); i++) {
                Call c = step.calls().get(i);
                sse.append(event("content_block_start", "{\"type\":\"content_block_start\",\"index\":" + i + ",\"content_block\":"
                        + "{\"type\":\"tool_use\",\"id\":\"toolu_" + c.id() + "\",\"name\":\"" + c.name() + "\",\"input\":{}}}"));
                for (String part : pieces(c.argumentsJson())) {
                    sse.append(event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":" + i + ",\"delta\":"
                            + "{\"type\":\"input_json_delta\",\"partial_json\":" + Json.write(part) + "}}"));
                }
                sse.append(event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":" + i + "}"));
            }
        }
        sse.append(event("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"" + (step.calls().isEmpty() ? "end_turn"
                : "tool_use") + "\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":50}}"));
        sse.append(event("message_stop", "{\"type\":\"message_stop\"}"));
        return sse.toString();
    }

    /** Splits text into a few chunks, as a streaming model sends it. */
    private static List<String> pieces(String s) {
        List<String> out = new ArrayList<>();
        int size = Math.max(1, s.length() / 3);
        for (int i = 0; i < s.length(); i += size) {
            out.add(s.substring(i, Math.min(s.length(), i + size)));
        }
        return out;
    }

    private static String data(String json) {
        return "data: " + json + "\n\n";
    }

    private static String event(String name, String json) {
        return "event: " + name + "\ndata: " + json + "\n\n";
    }
}
