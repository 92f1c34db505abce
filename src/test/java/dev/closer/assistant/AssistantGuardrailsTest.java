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
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Whatever the model asks, the chain decides: sending, another team's data, the budget, secrets,
 * runaway loops and slow models are refused or stopped, and the user is told why.
 */
class AssistantGuardrailsTest {

    @TempDir
    Path dir;
    WireMockServer wm;
    ScriptedModel model;

    @BeforeEach
    void start() {
        wm = new WireMockServer(wireMockConfig().dynamicPort());
        wm.start();
        model = new ScriptedModel(wm, ScriptedModel.Vendor.OPENAI);
    }

    @AfterEach
    void stop() {
        wm.stop();
    }

    private TestServer server(String profilesYaml, Map<String, String> env) throws Exception {
        TestServer.Builder b = TestServer.on(dir.resolve("data"));
        if (profilesYaml != null) {
            Path profiles = Files.createDirectories(dir.resolve("profiles"));
            for (String doc : profilesYaml.split("---\n")) {
                String name = doc.substring(doc.indexOf("name: ") + 6, doc.indexOf('\n', doc.indexOf("name: ")));
                Files.writeString(profiles.resolve(name + ".yaml"), doc);
            }
            b.profilesDir(profiles);
        }
        model.env().forEach(b::env);
        env.forEach(b::env);
        return b.start();
    }

    private static JsonNode ask(TestServer server, String message, String profile) {
        var r = server.post("/api/v1/chat", "{\"message\": " + Json.write(message) + ", \"context\": {\"profile\": \"" + profile + "\"}}", null);
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    @Test
    void a_model_that_asks_to_send_or_to_read_another_teams_draft_is_refused_and_the_user_sees_why() throws Exception {
        String profiles = "name: sales\ntools: \"*\"\nbudget: {ceiling: 1000}\n---\nname: marketing\ntools: \"*\"\nbudget: {ceiling: 1000}\n";
        try (TestServer server = server(profiles, Map.of())) {
            var theirs = server.call("draft_outreach_message", "{\"recipient_context\": {\"name\": \"Ann Lee\", \"company\": \"A Co\"},"
                    + " \"template\": \"tech_prospecting\"}", null, "marketing", null);
            String theirDraft = theirs.json().path("message").path("draft_id").asString();
            model.script(
                    tools(call("draft_outreach_message", "{\"recipient_context\": {\"name\": \"Sarah Johnson\", \"company\": \"Acme\"},"
                                    + " \"template\": \"tech_prospecting\", \"send\": true}"),
                            call("assess_message_quality", "{\"message\": \"Hi\", \"draft_id\": \"" + theirDraft + "\"}"),
                            call("list_drafts", "{\"profile\": \"marketing\"}")),
                    text("I cannot send emails or read the marketing team's drafts; I can draft for your review."));
            JsonNode turn = ask(server, "Email Sarah now and show me marketing's drafts", "sales");
            JsonNode calls = turn.path("tool_calls");
            assertEquals("NO_AUTO_SEND", calls.path(0).path("error").path("code").asString(), turn.toString());
            assertEquals("NOT_FOUND", calls.path(1).path("error").path("code").asString(), turn.toString());
            assertEquals("INVALID_INPUT", calls.path(2).path("error").path("code").asString(), turn.toString());
            assertTrue(calls.path(2).path("error").path("message").asString().contains("profile"), turn.toString());
            String second = model.requests().get(1);
            assertTrue(second.contains("NO_AUTO_SEND") && second.contains("NOT_FOUND"), "the model was told why: " + second);
            assertTrue(turn.path("answer").asString().contains("cannot send"));
            assertEquals(0, count("SELECT COUNT(*) FROM drafts WHERE profile = 'sales'"), "nothing was drafted, let alone sent");
            assertEquals(1, count("SELECT COUNT(*) FROM audit_log WHERE error_code = 'NO_AUTO_SEND' AND door = 'assistant'"));
        }
    }

    @Test
    void a_turn_whose_model_request_would_cross_the_ceiling_stops_before_the_model_is_asked() throws Exception {
        try (TestServer server = server("name: sales\ntools: \"*\"\nbudget: {ceiling: 5}\nllm: {units_per_1k_tokens: 1}\n", Map.of())) {
            model.script(text("never sent"));
            JsonNode turn = ask(server, "Score my accounts", "sales");
            assertEquals("BUDGET_EXCEEDED", turn.path("stopped").path("code").asString(), turn.toString());
            assertTrue(turn.path("answer").asString().startsWith("Stopped: "), turn.toString());
            assertTrue(turn.path("answer").asString().contains("of 5 left"), turn.toString());
            assertEquals(0, model.requests().size(), "the model was not asked");
            assertEquals(0, count("SELECT COALESCE(SUM(cost), 0) FROM budget_ledger"));
        }
    }

    @Test
    void a_tool_call_the_budget_cannot_cover_is_refused_and_shown() throws Exception {
        try (TestServer server = server("name: sales\ntools: \"*\"\nbudget: {ceiling: 3}\nllm: {units_per_1k_tokens: 0}\n", Map.of())) {
            model.script(tools(call("crm_get_account", "{\"account_id\": \"acme\"}")), text("The CRM lookup is over budget."));
            JsonNode turn = ask(server, "Look Acme up in the CRM", "sales");
            assertEquals("BUDGET_EXCEEDED", turn.path("tool_calls").path(0).path("error").path("code").asString(), turn.toString());
            assertTrue(turn.path("stopped").isNull());
            assertTrue(model.requests().get(1).contains("BUDGET_EXCEEDED"));
        }
    }

    @Test
    void secrets_in_the_conversation_and_in_tool_results_never_reach_the_model() throws Exception {
        String userCanary = "sk-live-CANARYuser0123456789abcd";
        String argCanary = "AKIAQ7CANARYARG12345";
        String envCanary = "pat-na1-env-canary-5c0ffee";
        try (TestServer server = server(null, Map.of("HUBSPOT_ACCESS_TOKEN", envCanary, "HUBSPOT_BASE_URL", "http://127.0.0.1:9"))) {
            model.script(tools(call("qualify_opportunity", "{\"framework\": \"BANT\", \"criteria\": {\"budget\": \"approved; vendor key "
                            + argCanary + "\", \"need\": \"token " + envCanary + " confirmed\"}}")),
                    text("Qualified on budget and need."));
            JsonNode turn = ask(server, "Our OpenAI key is " + userCanary + " - qualify the Acme deal", "sales");
            assertTrue(turn.path("stopped").isNull(), turn.toString());
            List<String> requests = model.requests();
            assertEquals(2, requests.size());
            assertTrue(requests.get(1).contains("criteria_breakdown"), "the tool result did reach the model");
            for (String body : requests) {
                for (String canary : List.of(userCanary, argCanary, envCanary)) {
                    assertFalse(body.contains(canary), canary + " reached the model: " + body);
                }
            }
            try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data").resolve("closer.db"));
                 var r = c.createStatement().executeQuery("SELECT group_concat(messages) FROM conversations")) {
                String stored = r.getString(1);
                assertFalse(stored.contains(userCanary) || stored.contains(argCanary) || stored.contains(envCanary), stored);
            }
        }
    }

    @Test
    void a_model_that_keeps_calling_tools_is_stopped_after_the_round_trip_limit() throws Exception {
        String bant = "{\"framework\": \"BANT\", \"criteria\": {\"need\": \"confirmed\"}}";
        try (TestServer server = server(null, Map.of("CLOSER_CHAT_MAX_ROUNDS", "2"))) {
            model.script(tools(call("qualify_opportunity", bant)), tools(call("qualify_opportunity", bant)),
                    tools(call("qualify_opportunity", bant)));
            JsonNode turn = ask(server, "Qualify it again and again", "sales");
            assertEquals("TURN_LIMIT", turn.path("stopped").path("code").asString(), turn.toString());
            assertEquals(2, model.requests().size());
            assertEquals(2, turn.path("tool_calls").size());
        }
    }

    @Test
    void a_model_that_trickles_past_the_turn_time_limit_is_cut_off() throws Exception {
        try (TestServer server = server(null, Map.of("CLOSER_CHAT_TURN_SECONDS", "1"))) {
            model.script(text("a very slow answer that keeps coming, one small piece after another, for seconds").delayed(4000));
            long t0 = System.nanoTime();
            JsonNode turn = ask(server, "Tell me slowly", "sales");
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals("TURN_TIMEOUT", turn.path("stopped").path("code").asString(), turn.toString());
            assertTrue(ms < 3500, "stopped at the limit, not when the model finished: " + ms + " ms");
        }
    }

    @Test
    void without_a_model_chat_says_exactly_what_to_set() throws Exception {
        try (TestServer server = TestServer.on(dir.resolve("data")).start()) {
            var status = server.get("/api/v1/chat", null);
            assertEquals(200, status.status());
            assertFalse(status.json().path("configured").asBoolean());
            assertTrue(status.json().path("missing").asString().contains("CLOSER_LLM_MODEL"), status.body());
            var r = server.post("/api/v1/chat", "{\"message\": \"hello\"}", null);
            assertEquals(503, r.status(), r.body());
            assertEquals("LLM_NOT_CONFIGURED", r.json().path("error").path("code").asString());
            assertTrue(r.json().path("error").path("message").asString().contains("CLOSER_LLM_MODEL"));
            var tools = server.call("get_budget_status", "{}");
            assertEquals(200, tools.status(), "nothing else needs a model");
        }
    }

    @Test
    void bad_chat_requests_get_a_structured_400() throws Exception {
        try (TestServer server = server(null, Map.of())) {
            for (String body : List.of("{}", "{\"message\": \"\"}", "{\"message\": 5}", "{\"message\": \"hi\", \"extra\": 1}",
                    "{\"message\": \"hi\", \"context\": \"sales\"}", "[1]", "{\"message\": \"" + "x".repeat(20_001) + "\"}")) {
                var r = server.post("/api/v1/chat", body, null);
                assertEquals(400, r.status(), body + " -> " + r.body());
                assertEquals("INVALID_INPUT", r.json().path("error").path("code").asString());
            }
            var bad = server.post("/api/v1/chat", "{\"message\": \"hi\", \"context\": {\"trace_id\": \"bad trace\\nforged\"}}", null);
            assertEquals(400, bad.status(), bad.body());
            assertEquals(0, model.requests().size());
        }
    }

    private long count(String sql) throws Exception {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data").resolve("closer.db"));
             var r = c.createStatement().executeQuery(sql)) {
            return r.getLong(1);
        }
    }
}
