package dev.closer.assistant;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.closer.assistant.ScriptedModel.call;
import static dev.closer.assistant.ScriptedModel.text;
import static dev.closer.assistant.ScriptedModel.tools;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.closer.testing.TestServer;
import dev.closer.tool.Json;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * The assistant through the real server (POST /api/v1/chat) with a scripted model that WireMock
 * plays in OpenAI's and Anthropic's streaming wire formats: its tool calls go through the chain
 * (audited under the conversation's trace id), their results reach the model, the answer carries
 * them, and the model's tokens are charged to the profile's budget.
 */
class AssistantEndToEndTest {

    static final String ACCOUNTS = Json.write(Json.parse("""
            {"accounts": [
              {"name": "Acme SaaS", "industry": "SaaS", "revenue": 25000000, "employees": 150},
              {"name": "OldCorp", "industry": "Manufacturing", "revenue": 100000000, "employees": 2000},
              {"name": "CloudCo", "industry": "Cloud Infrastructure", "revenue": 15000000, "employees": 80}],
             "market_definition": {"industries": ["SaaS", "Cloud Infrastructure"], "revenue_range": "10M-50M",
              "geography": "US West Coast", "employee_count_range": "50-500"}}"""));
    static final String BANT = "{\"framework\": \"BANT\", \"criteria\": {\"budget\": 50000, \"authority\": \"identified\","
            + " \"need\": \"confirmed\", \"timing\": \"next quarter\"}, \"threshold\": 0.6}";

    @TempDir
    Path dir;
    WireMockServer wm;

    @BeforeEach
    void start() {
        wm = new WireMockServer(wireMockConfig().dynamicPort());
        wm.start();
    }

    @AfterEach
    void stop() {
        wm.stop();
    }

    TestServer server(ScriptedModel model, Map<String, String> more) {
        TestServer.Builder b = TestServer.on(dir.resolve("data"));
        model.env().forEach(b::env);
        more.forEach(b::env);
        return b.start();
    }

    static String chat(String message, String conversation, String profile) {
        return "{\"message\": " + Json.write(message) + (conversation == null ? "" : ", \"conversation_id\": \"" + conversation + "\"")
                + ", \"context\": {\"profile\": \"" + profile + "\"}}";
    }

    @ParameterizedTest
    @EnumSource(ScriptedModel.Vendor.class)
    void a_scripted_conversation_scores_and_qualifies_through_the_chain(ScriptedModel.Vendor vendor) throws Exception {
        ScriptedModel model = new ScriptedModel(wm, vendor).script(
                tools(call("score_accounts", ACCOUNTS), call("qualify_opportunity", BANT)),
                text("Acme SaaS and CloudCo are Perfect ICP matches (0.925); OldCorp is a Poor match. The Acme deal passes BANT."));
        try (TestServer server = server(model, Map.of())) {
            var r = server.post("/api/v1/chat", chat("Score these accounts against our ICP and qualify the Acme deal with BANT",
                    null, "sales"), null);
            assertEquals(200, r.status(), r.body());
            JsonNode turn = r.json();
            assertTrue(turn.path("answer").asString().contains("Perfect ICP match"), r.body());
            assertTrue(turn.path("stopped").isNull(), r.body());
            JsonNode calls = turn.path("tool_calls");
            assertEquals(List.of("score_accounts", "qualify_opportunity"), List.of(calls.path(0).path("tool").asString(),
                    calls.path(1).path("tool").asString()));
            assertEquals("Perfect ICP match", calls.path(0).path("result").path("scored_accounts").path(0).path("recommendation").asString());
            assertTrue(calls.path(1).path("result").path("qualified").asBoolean(), r.body());

            List<String> requests = model.requests();
            assertEquals(2, requests.size());
            assertTrue(requests.get(0).contains("score_accounts") && requests.get(0).contains("qualify_opportunity"),
                    "the model was offered Closer's tools");
            assertTrue(requests.get(1).contains("Perfect ICP match") && requests.get(1).contains("criteria_breakdown"),
                    "the tools' results reached the model");
            assertFalse(requests.stream().anyMatch(b -> b.contains(ScriptedModel.API_KEY)), "the key goes in a header, never a body");

            String trace = turn.path("trace_id").asString();
            try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data").resolve("closer.db"));
                 var rows = c.createStatement().executeQuery("SELECT tool, door, outcome, cost FROM audit_log WHERE trace_id = '"
                         + trace + "' ORDER BY id")) {
                List<String> seen = new ArrayList<>();
                while (rows.next()) {
                    seen.add(rows.getString(1) + " " + rows.getString(2) + " " + rows.getString(3));
                }
                String label = switch (vendor) {
                    case OPENAI -> "model:openai/gpt-test";
                    case ANTHROPIC -> "model:anthropic/claude-test";
                    case OLLAMA -> "model:ollama/llama-test";
                };
                assertEquals(List.of(label + " assistant ok", "score_accounts assistant ok", "qualify_opportunity assistant ok",
                        label + " assistant ok"), seen);
            }
            assertEquals(2100, turn.path("usage").path("input_tokens").asLong() + turn.path("usage").path("output_tokens").asLong());
            assertEquals(4, turn.path("usage").path("units_charged").asLong(), "1 unit per 1,000 tokens, rounded up, per request");
            var budget = server.call("get_budget_status", "{}");
            assertTrue(budget.json().path("spent").asLong() >= 4 + 2, "model units and the tools' costs: " + budget.body());
        }
    }

    @Test
    void answers_stream_as_server_sent_events_and_the_conversation_remembers() throws Exception {
        ScriptedModel model = new ScriptedModel(wm, ScriptedModel.Vendor.OPENAI).script(
                tools(call("qualify_opportunity", BANT)),
                text("The deal is qualified: BANT 0.85."),
                text("You asked about the Acme deal."));
        try (TestServer server = server(model, Map.of())) {
            var r = server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/chat"))
                    .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                    .POST(HttpRequest.BodyPublishers.ofString(chat("Qualify the Acme deal with BANT", null, "sales"))).build());
            assertEquals(200, r.status(), r.body());
            assertTrue(r.contentType().startsWith("text/event-stream"), r.contentType());
            List<String> events = r.body().lines().filter(l -> l.startsWith("event: ")).map(l -> l.substring(7)).distinct().toList();
            assertEquals(List.of("tool_call", "tool_result", "text", "done"), events, r.body());
            String done = r.body().substring(r.body().indexOf("event: done\ndata: ") + 18).strip();
            String conversation = Json.parse(done).path("conversation_id").asString();

            var second = server.post("/api/v1/chat", chat("What did I ask you?", conversation, "sales"), null);
            assertEquals(200, second.status(), second.body());
            String third = model.requests().get(2);
            assertTrue(third.contains("Qualify the Acme deal with BANT") && third.contains("The deal is qualified"),
                    "the second turn carries the first: " + third);
            JsonNode offered = Json.parse(model.requests().get(0)).path("tools");
            assertTrue(offered.size() > 10, "the model was offered Closer's tools: " + offered.size());
            assertEquals(offered, Json.parse(third).path("tools"), "the second turn offers the same tools, as built for the first");
        }
    }

    @Test
    void a_reader_that_goes_away_mid_stream_does_not_lose_the_turn() throws Exception {
        ScriptedModel model = new ScriptedModel(wm, ScriptedModel.Vendor.OPENAI).script(
                tools(call("qualify_opportunity", BANT)),
                text("The Acme deal is qualified on BANT; the next step is a proposal.").delayed(1500));
        try (TestServer server = server(model, Map.of())) {
            String body = chat("Qualify the Acme deal with BANT", null, "sales");
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", server.port())) {
                s.setSoTimeout(10_000);
                s.getOutputStream().write(("POST /api/v1/chat HTTP/1.1\r\nHost: 127.0.0.1:" + server.port()
                        + "\r\nContent-Type: application/json\r\nAccept: text/event-stream\r\nContent-Length: "
                        + body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + "\r\n\r\n" + body)
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                var in = new java.io.BufferedReader(new java.io.InputStreamReader(s.getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
                for (String line = in.readLine(); line != null && !line.equals("event: tool_result"); line = in.readLine()) {
                    // read until the tool has run, then hang up while the answer is still coming
                }
            }
            long deadline = System.currentTimeMillis() + 10_000;
            String saved = "";
            while (!saved.contains("next step is a proposal") && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
                try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data").resolve("closer.db"));
                     var r = c.createStatement().executeQuery("SELECT coalesce(group_concat(messages), '') FROM conversations")) {
                    saved = r.getString(1);
                }
            }
            assertTrue(saved.contains("next step is a proposal"), "the turn finished and was saved: " + saved);
        }
    }

    @Test
    void another_profiles_conversation_is_not_found() throws Exception {
        Path profiles = Files.createDirectories(dir.resolve("profiles"));
        Files.writeString(profiles.resolve("sales.yaml"), "name: sales\ntools: \"*\"\nbudget: {ceiling: 1000}\n");
        Files.writeString(profiles.resolve("marketing.yaml"), "name: marketing\ntools: \"*\"\nbudget: {ceiling: 1000}\n");
        ScriptedModel model = new ScriptedModel(wm, ScriptedModel.Vendor.OPENAI).script(text("Noted: the Acme budget is 50K."));
        TestServer.Builder b = TestServer.on(dir.resolve("data")).profilesDir(profiles);
        model.env().forEach(b::env);
        try (TestServer server = b.start()) {
            var first = server.post("/api/v1/chat", chat("Remember: the Acme budget is 50K", null, "sales"), null);
            String conversation = first.json().path("conversation_id").asString();
            var other = server.post("/api/v1/chat", chat("What is the Acme budget?", conversation, "marketing"), null);
            assertEquals(404, other.status(), other.body());
            assertEquals("NOT_FOUND", other.json().path("error").path("code").asString());
            assertEquals(1, model.requests().size(), "the model was not asked");
        }
    }
}
