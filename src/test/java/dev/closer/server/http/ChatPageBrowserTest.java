package dev.closer.server.http;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.closer.assistant.ScriptedModel.call;
import static dev.closer.assistant.ScriptedModel.text;
import static dev.closer.assistant.ScriptedModel.tools;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.closer.assistant.ScriptedModel;
import dev.closer.testing.TestServer;
import dev.closer.tool.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The chat page in a real browser: headless Chromium (Debian's package, driven by Playwright from
 * test-tools/chat-browser.mjs) opens /chat on a real server whose model WireMock plays in OpenAI's
 * streaming wire format. The scripted model qualifies a deal (the call goes through the chain),
 * then asks to draft an email with {@code send: true} (refused NO_AUTO_SEND by the chain), then
 * answers; the page shows each step as it streams, and a second message continues the same
 * conversation. A server without a model shows what to set and keeps Send disabled. Afterwards the
 * audit log holds both calls under the conversation's trace id. Skipped without /usr/bin/chromium,
 * but never under CI=true.
 */
class ChatPageBrowserTest {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    private static final String BANT = "{\"framework\": \"BANT\", \"criteria\": {\"budget\": 50000, \"authority\": \"identified\","
            + " \"need\": \"confirmed\", \"timing\": \"next quarter\"}, \"threshold\": 0.6}";
    private static final String DRAFT_AND_SEND = "{\"recipient_context\": {\"name\": \"Sarah Johnson\", \"company\": \"Acme\"},"
            + " \"template\": \"tech_prospecting\", \"send\": true}";
    private static final String FIRST = "Qualify the Acme deal with BANT and email Sarah Johnson right away";
    private static final String SECOND = "What did I ask you first?";
    private static final String ANSWER = "The Acme deal is qualified (BANT 0.85). I could not send the email: Closer never sends.";
    private static final String ANSWER_2 = "You asked me to qualify the Acme deal and email Sarah Johnson.";

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

    @Test
    void a_person_chats_in_the_browser_and_sees_tools_run_and_refused() throws Exception {
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        if (!ci) {
            Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed (apt-get install chromium)");
        }
        ScriptedModel model = new ScriptedModel(wm, ScriptedModel.Vendor.OPENAI).script(
                tools(call("qualify_opportunity", BANT)),
                tools(call("draft_outreach_message", DRAFT_AND_SEND)),
                text(ANSWER),
                text(ANSWER_2));
        TestServer.Builder configured = TestServer.on(dir.resolve("data"));
        model.env().forEach(configured::env);
        Path screenshot = dir.resolve("chat.png");
        try (TestServer server = configured.start(); TestServer bare = TestServer.on(dir.resolve("bare")).start()) {
            Process p = new ProcessBuilder(List.of("node", "test-tools/chat-browser.mjs", server.baseUrl(), bare.baseUrl(), FIRST,
                    SECOND, screenshot.toString())).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "browser run timed out: " + out);
            assertEquals(0, p.exitValue(), out);
            JsonNode seen = Json.parse(out.strip().lines().reduce((x, y) -> y).orElse("{}"));

            assertTrue(seen.path("bannerHiddenWhenConfigured").asBoolean(), out);
            assertEquals("new", seen.path("conversationBefore").asString(), out);
            JsonNode first = seen.path("afterFirst");
            assertEquals(List.of(FIRST), strings(first.path("user")), out);
            assertEquals(List.of(ANSWER), strings(first.path("assistant")), "the final answer is shown: " + out);
            List<String> lines = new ArrayList<>();
            first.path("toolLines").forEach(l -> lines.add(l.path("text").asString()));
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("→ qualify_opportunity") && l.contains("BANT")), out);
            JsonNode ok = line(first, "✓ qualify_opportunity");
            assertFalse(ok.path("className").asString().contains("refused"), out);
            JsonNode refused = line(first, "✗ draft_outreach_message refused: NO_AUTO_SEND");
            assertTrue(refused.path("className").asString().contains("refused"), out);
            assertTrue(refused.path("text").asString().contains("/send"), "the refusal names the field: " + out);
            assertTrue(first.path("usage").asString().contains("3000 + 150 tokens"), "three model requests: " + out);

            String conversation = seen.path("conversationAfterFirst").asString();
            assertTrue(conversation.startsWith("conv-"), out);
            assertEquals(conversation, seen.path("conversationAfterSecond").asString(), "the second message continues it: " + out);
            JsonNode second = seen.path("afterSecond");
            assertEquals(List.of(FIRST, SECOND), strings(second.path("user")), out);
            assertEquals(List.of(ANSWER, ANSWER_2), strings(second.path("assistant")), out);
            assertEquals(0, second.path("stopped").asInt(), out);
            assertEquals(List.of(), strings(seen.path("consoleErrors")), out);
            assertEquals(List.of(), strings(seen.path("failedRequests")), out);
            List<String> requests = model.requests();
            assertEquals(4, requests.size());
            assertTrue(requests.get(3).contains(FIRST) && requests.get(3).contains("NO_AUTO_SEND"),
                    "the model saw the first turn again: " + requests.get(3));
            // a copy to look at after the run
            Files.copy(screenshot, Path.of("target/chat-page.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            assertTrue(Files.size(screenshot) > 10_000, "a screenshot of the conversation was taken: " + Files.size(screenshot));

            JsonNode notConfigured = seen.path("notConfigured");
            assertTrue(notConfigured.path("bannerVisible").asBoolean(), out);
            assertEquals("not-configured", notConfigured.path("state").asString());
            assertTrue(notConfigured.path("text").asString().contains("No chat model is configured. Set CLOSER_LLM_MODEL"), out);
            assertTrue(notConfigured.path("text").asString().contains("CLOSER_LLM_BASE_URL"), out);
            assertTrue(notConfigured.path("sendDisabled").asBoolean(), out);

            String trace = query("SELECT trace_id FROM conversations WHERE conversation_id = '" + conversation + "'").get(0);
            assertEquals(List.of("qualify_opportunity assistant ok"),
                    query("SELECT tool || ' ' || door || ' ' || outcome FROM audit_log WHERE trace_id = '" + trace
                            + "' AND tool = 'qualify_opportunity'"));
            assertEquals(List.of("draft_outreach_message assistant NO_AUTO_SEND"),
                    query("SELECT tool || ' ' || door || ' ' || error_code FROM audit_log WHERE trace_id = '" + trace
                            + "' AND outcome <> 'ok'"));
            assertEquals(List.of("0"), query("SELECT COUNT(*) FROM drafts"), "the refused call drafted nothing");
        }
    }

    private static JsonNode line(JsonNode turn, String prefix) {
        for (JsonNode l : turn.path("toolLines")) {
            if (l.path("text").asString().startsWith(prefix)) {
                return l;
            }
        }
        throw new AssertionError("no tool line starting '" + prefix + "': " + turn);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    private List<String> query(String sql) throws Exception {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data").resolve("closer.db"));
             var rows = c.createStatement().executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            while (rows.next()) {
                out.add(rows.getString(1));
            }
            return out;
        }
    }
}
