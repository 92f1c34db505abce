package dev.closer.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.closer.assistant.ScriptedModel.call;
import static dev.closer.assistant.ScriptedModel.text;
import static dev.closer.assistant.ScriptedModel.tools;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.closer.App;
import dev.closer.Main;
import dev.closer.assistant.Assistant;
import dev.closer.assistant.ChatModels;
import dev.closer.assistant.CloserTools;
import dev.closer.assistant.Conversations;
import dev.closer.assistant.ModelSettings;
import dev.closer.assistant.ScriptedModel;
import dev.closer.store.SqliteConversations;
import dev.closer.testing.TestServer;
import dev.closer.tool.Caller;
import dev.closer.tool.Json;
import dev.closer.tool.Resources;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.chat.response.PartialToolCallContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The assistant's own cost per turn. One turn: a user message, the model (WireMock in-process,
 * OpenAI's streaming wire format, no delay) asks for one qualify_opportunity call, the call runs
 * through the policy chain, the model answers. Each turn starts a new conversation so every turn is
 * the same work. Measured one turn at a time after a warm-up:
 * <ol>
 * <li>in-process, {@code Main.assistant(app).ask(...)} on an assembled App: the turn;</li>
 * <li>alternating with it, the same assistant with its model wrapped in a stopwatch: the time
 *     inside the two model requests (from {@code StreamingChatModel.chat} to
 *     {@code onCompleteResponse}: LangChain4j building and parsing, the JDK HTTP client, WireMock)
 *     and the rest of the turn, which is the assistant's own overhead, split at the requests and
 *     the tool result; WireMock's serve-event timings are whole milliseconds, too coarse here;</li>
 * <li>the chain and store work of a turn timed alone: budget check, two model holds, the tool
 *     call, saving the conversation;</li>
 * <li>the same two requests sent without LangChain4j by the JDK HTTP client, plainly and the way
 *     LangChain4j streams (what two zero-delay model round trips cost here);</li>
 * <li>through {@code POST /api/v1/chat} (JSON) on a running server on loopback.</li>
 * </ol>
 * Usage: AssistantTimings [turns=500] [warmup=1000] ({@code CLOSER_AUDIT_DURABILITY=async} for write-behind audit)
 */
public final class AssistantTimings {

    static final String BANT = "{\"framework\": \"BANT\", \"criteria\": {\"budget\": 50000, \"authority\": \"identified\","
            + " \"need\": \"confirmed\", \"timing\": \"next quarter\"}, \"threshold\": 0.6}";
    static final String QUESTION = "Qualify the Acme deal with BANT: budget 50K, authority identified, need confirmed, next quarter.";
    static final String ANSWER = "The Acme deal is qualified: BANT score 0.85 against a threshold of 0.6 (qualify_opportunity).";

    public static void main(String[] args) throws Exception {
        int turns = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        WireMockServer wm = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(16).asynchronousResponseEnabled(false));
        wm.start();
        Path data = Files.createTempDirectory("closer-assistant-bench");
        try {
            ScriptedModel model = new ScriptedModel(wm, ScriptedModel.Vendor.OPENAI);
            // Stateless: a request that carries a tool result gets the answer, any other the tool call.
            wm.stubFor(post(urlPathEqualTo(model.path())).atPriority(1).withRequestBody(containing("\"tool_call_id\""))
                    .willReturn(aResponse().withHeader("Content-Type", "text/event-stream").withBody(model.wire(text(ANSWER)))));
            wm.stubFor(post(urlPathEqualTo(model.path())).atPriority(5).willReturn(aResponse()
                    .withHeader("Content-Type", "text/event-stream").withBody(model.wire(tools(call("qualify_opportunity", BANT))))));
            Map<String, String> env = new HashMap<>(model.env());
            env.put("AGENT_BUDGET_CEILING", "1000000000");
            if (System.getenv("CLOSER_AUDIT_DURABILITY") != null) {
                env.put("CLOSER_AUDIT_DURABILITY", System.getenv("CLOSER_AUDIT_DURABILITY"));
            }
            System.out.printf("%d turns after %d warm-up turns, one at a time; audit %s; JDK %s, %d CPUs%n", turns, warmup,
                    "async".equalsIgnoreCase(env.get("CLOSER_AUDIT_DURABILITY")) ? "write-behind (async)" : "durable (default)",
                    System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());

            TestServer.Builder builder = TestServer.on(data.resolve("in-process"));
            env.forEach(builder::env);
            try (App app = builder.assemble()) {
                app.db().warmUp();
                List<String> lastTurn = new ArrayList<>();
                String conversation = inProcess(app, wm, turns, warmup, lastTurn);
                pieces(app, conversation, turns, warmup);
                bare(wm, model, lastTurn, turns, warmup);
            }
            TestServer.Builder served = TestServer.on(data.resolve("served"));
            env.forEach(served::env);
            try (TestServer server = served.start()) {
                overHttp(server, wm, turns, warmup);
            }
        } finally {
            wm.stop();
            try (var files = Files.walk(data)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
        System.exit(0);  // the MCP door's session sweeper is not a daemon thread
    }

    private static String inProcess(App app, WireMockServer wm, int turns, int warmup, List<String> lastTurn) {
        Caller caller = Caller.local("bench");
        Assistant plain = Main.assistant(app);
        // The same assistant as Main.assistant builds it, its model wrapped in a stopwatch.
        ModelSettings settings = ModelSettings.fromEnvironment(app.settings().env());
        Stopwatch model = new Stopwatch(ChatModels.streaming(settings));
        Assistant timed = new Assistant(app.registry(), app.usage(), p -> Main.redactorFor(app, p),
                new SqliteConversations(app.db(), app.settings().clock()), model, settings,
                Resources.readText("assistant/system-prompt.txt"));
        long[] turn = new long[turns];
        long[] total = new long[turns];
        long[] inModel = new long[turns];
        long[] own = new long[turns];
        long[] before = new long[turns];
        long[] toolCall = new long[turns];
        long[] between = new long[turns];
        long[] after = new long[turns];
        String conversation = null;
        // The two series alternate turn by turn, so both see the same JIT state and the same neighbours on the CPUs.
        for (int i = -warmup; i < turns; i++) {
            long t0 = System.nanoTime();
            check(plain.ask(caller, "sales", null, null, QUESTION, new Assistant.Listener() { }));
            long t = System.nanoTime() - t0;
            wm.resetRequests();

            model.spent.set(0);
            model.marks.clear();
            long[] toolDone = new long[1];
            long t1 = System.nanoTime();
            Assistant.Turn last = timed.ask(caller, "sales", null, null, QUESTION, new Assistant.Listener() {
                @Override
                public void toolResult(CloserTools.Outcome outcome) {
                    toolDone[0] = System.nanoTime();
                }
            });
            long t2 = System.nanoTime();
            long u = t2 - t1;
            check(last);
            conversation = last.conversationId();
            List<ServeEvent> events = wm.getAllServeEvents();
            if (events.size() != 2) {
                throw new IllegalStateException("expected 2 model requests per turn, WireMock saw " + events.size());
            }
            if (i >= 0) {
                turn[i] = t;
                total[i] = u;
                inModel[i] = model.spent.get();
                own[i] = u - inModel[i];
                // start, [request 1 sent, answered], tool result shown, [request 2 sent, answered], end
                List<long[]> m = model.marks;
                before[i] = m.get(0)[0] - t1;
                toolCall[i] = toolDone[0] - m.get(0)[1];
                between[i] = m.get(1)[0] - toolDone[0];
                after[i] = t2 - m.get(1)[1];
            }
            lastTurn.clear();
            events.forEach(e -> lastTurn.add(0, e.getRequest().getBodyAsString()));  // WireMock lists the newest first
            wm.resetRequests();
        }
        report("in-process turn, Main.assistant(app).ask", turn);
        report("in-process turn, the same with the model timed", total);
        report("  inside the 2 model requests (LangChain4j + HTTP + WireMock)", inModel);
        report("  the assistant's own overhead (turn - model requests)", own);
        report("    start to request 1 (budget check, tools' specs, estimate, hold)", before);
        report("    answer 1 to tool result (wake-up, settle, the tool through the chain)", toolCall);
        report("    tool result to request 2 (history, estimate, hold)", between);
        report("    answer 2 to the end (wake-up, settle, conversation saved)", after);
        return conversation;
    }

    /** The parts of a turn's own overhead that touch the chain and the store, each timed alone, as often as a turn does them. */
    private static void pieces(App app, String conversation, int turns, int warmup) {
        Caller caller = Caller.local("bench");
        Caller assistant = new Caller("assistant", caller.grants());
        CloserTools tools = new CloserTools(app.registry(), "sales", assistant, () -> "bench-pieces");
        SqliteConversations conversations = new SqliteConversations(app.db(), app.settings().clock());
        Conversations.Conversation saved = conversations.find("sales", conversation).orElseThrow();
        long[] remaining = new long[turns];
        long[] holds = new long[turns];
        long[] call = new long[turns];
        long[] save = new long[turns];
        for (int i = -warmup; i < turns; i++) {
            long t0 = System.nanoTime();
            app.usage().remaining(caller, "sales");
            long t1 = System.nanoTime();
            for (int round = 0; round < 2; round++) {
                app.usage().settle(app.usage().reserve(assistant, "sales", "bench-pieces", "openai/gpt-test", 3000), 1000, 50);
            }
            long t2 = System.nanoTime();
            if (tools.call("qualify_opportunity", BANT).isError()) {
                throw new IllegalStateException("qualify_opportunity was refused");
            }
            long t3 = System.nanoTime();
            conversations.save("sales", new Conversations.Conversation("conv-bench-" + (i + warmup), saved.traceId(), saved.messagesJson()));
            long t4 = System.nanoTime();
            if (i >= 0) {
                remaining[i] = t1 - t0;
                holds[i] = t2 - t1;
                call[i] = t3 - t2;
                save[i] = t4 - t3;
            }
        }
        report("    alone: budget check before the turn (ModelUsage.remaining)", remaining);
        report("    alone: 2 model holds, reserve + settle (budget, ledger, audit)", holds);
        report("    alone: qualify_opportunity through the chain (with its audit)", call);
        report("    alone: saving the conversation (" + saved.messagesJson().length() + " characters of messages)", save);
    }

    /**
     * The two requests of a turn, as LangChain4j sent them, sent again without LangChain4j: with
     * the JDK client over HTTP/1.1, and the way LangChain4j's JDK client streams (default client
     * version, sendAsync, the body read as a stream on the client's executor, the caller waiting).
     */
    private static void bare(WireMockServer wm, ScriptedModel model, List<String> bodies, int turns, int warmup) throws Exception {
        wm.resetRequests();
        String url = wm.baseUrl() + model.path();
        HttpClient http11 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpClient streaming = HttpClient.newBuilder().build();
        long[] plain = new long[turns];
        long[] async = new long[turns];
        for (int i = -warmup; i < turns; i++) {
            long t0 = System.nanoTime();
            for (String body : bodies) {
                HttpResponse<String> r = http11.send(request(url, body), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200 || !r.body().endsWith("data: [DONE]\n\n")) {
                    throw new IllegalStateException("bare model request: " + r.statusCode());
                }
            }
            long t = System.nanoTime() - t0;
            long t1 = System.nanoTime();
            for (String body : bodies) {
                long lines = streaming.sendAsync(request(url, body), HttpResponse.BodyHandlers.ofInputStream()).thenApply(r -> {
                    try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(r.body(), java.nio.charset.StandardCharsets.UTF_8))) {
                        return in.lines().filter(l -> l.startsWith("data: ")).count();
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }).get();
                if (lines < 3) {
                    throw new IllegalStateException("bare streamed model request: " + lines + " events");
                }
            }
            long u = System.nanoTime() - t1;
            if (i >= 0) {
                plain[i] = t;
                async[i] = u;
            }
            wm.resetRequests();
        }
        report("2 bare model requests, JDK HttpClient HTTP/1.1, send + ofString", plain);
        report("2 bare model requests, JDK HttpClient as LangChain4j streams", async);
    }

    private static HttpRequest request(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + ScriptedModel.API_KEY).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static void overHttp(TestServer server, WireMockServer wm, int turns, int warmup) {
        String body = "{\"message\": " + Json.write(QUESTION) + ", \"context\": {\"profile\": \"sales\"}}";
        long[] turn = new long[turns];
        for (int i = -warmup; i < turns; i++) {
            long t0 = System.nanoTime();
            var r = server.post("/api/v1/chat", body, null);
            long t = System.nanoTime() - t0;
            if (r.status() != 200 || !r.json().path("answer").asString().equals(ANSWER)) {
                throw new IllegalStateException("POST /api/v1/chat: " + r.status() + " " + r.body());
            }
            if (i >= 0) {
                turn[i] = t;
            }
            wm.resetRequests();
        }
        report("POST /api/v1/chat (JSON), loopback", turn);
    }

    private static void check(Assistant.Turn t) {
        if (t.stopped() != null || !ANSWER.equals(t.answer()) || t.steps().size() != 1 || !t.steps().get(0).ok()) {
            throw new IllegalStateException("unexpected turn: " + t);
        }
    }

    private static void report(String what, long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        System.out.printf("%-74s p50 %7.2f ms  p99 %7.2f ms  min %6.2f  max %7.2f  (n=%d)%n", what, s[s.length / 2] / 1e6,
                s[(int) Math.ceil(s.length * 0.99) - 1] / 1e6, s[0] / 1e6, s[s.length - 1] / 1e6, s.length);
    }

    /** A streaming model that adds up the time from each request to its complete response. */
    static final class Stopwatch implements StreamingChatModel {
        final StreamingChatModel delegate;
        final AtomicLong spent = new AtomicLong();
        /** Each request's send and complete-answer times, in order. */
        final List<long[]> marks = new java.util.concurrent.CopyOnWriteArrayList<>();

        Stopwatch(StreamingChatModel delegate) {
            this.delegate = delegate;
        }

        @Override
        public void chat(ChatRequest request, StreamingChatResponseHandler handler) {
            long t0 = System.nanoTime();
            long[] mark = {t0, 0};
            marks.add(mark);
            delegate.chat(request, new StreamingChatResponseHandler() {
                @Override
                public void onPartialResponse(String partial) {
                    handler.onPartialResponse(partial);
                }

                @Override
                public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
                    handler.onPartialResponse(partial, context);
                }

                @Override
                public void onPartialToolCall(PartialToolCall call) {
                    handler.onPartialToolCall(call);
                }

                @Override
                public void onPartialToolCall(PartialToolCall call, PartialToolCallContext context) {
                    handler.onPartialToolCall(call, context);
                }

                @Override
                public void onCompleteToolCall(CompleteToolCall call) {
                    handler.onCompleteToolCall(call);
                }

                @Override
                public void onCompleteResponse(ChatResponse response) {
                    mark[1] = System.nanoTime();
                    spent.addAndGet(mark[1] - t0);
                    handler.onCompleteResponse(response);
                }

                @Override
                public void onError(Throwable error) {
                    spent.addAndGet(System.nanoTime() - t0);
                    handler.onError(error);
                }
            });
        }
    }
}
