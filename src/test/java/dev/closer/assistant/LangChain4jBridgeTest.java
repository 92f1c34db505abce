package dev.closer.assistant;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.closer.assistant.ScriptedModel.call;
import static dev.closer.assistant.ScriptedModel.text;
import static dev.closer.assistant.ScriptedModel.tools;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.closer.App;
import dev.closer.testing.TestServer;
import dev.closer.tool.Caller;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.service.AiServices;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Closer's tools in a user's own LangChain4j agent (the README's example): an AiServices agent
 * with its own model calls them, and every call still goes through the policy chain.
 */
class LangChain4jBridgeTest {

    @TempDir
    Path dir;

    interface SalesAgent {
        String chat(String message);
    }

    @Test
    void a_users_own_ai_services_agent_calls_closers_tools_through_the_chain() throws Exception {
        WireMockServer wm = new WireMockServer(wireMockConfig().dynamicPort());
        wm.start();
        try (App app = TestServer.on(dir).assemble()) {
            ScriptedModel model = new ScriptedModel(wm, ScriptedModel.Vendor.OPENAI, false).script(
                    tools(call("qualify_opportunity", AssistantEndToEndTest.BANT)),
                    tools(call("draft_outreach_message", "{\"recipient_context\": {\"name\": \"Sarah\"}, \"template\": \"tech_prospecting\","
                            + " \"send\": true}")),
                    text("Qualified; I drafted nothing because sending is refused."));

            CloserTools closer = new CloserTools(app.registry(), "sales", Caller.local("langchain4j"), () -> "my-agent-trace");
            SalesAgent agent = AiServices.builder(SalesAgent.class)
                    .chatModel(OpenAiChatModel.builder().baseUrl(wm.baseUrl() + "/v1").apiKey("sk-test").modelName("gpt-test")
                            .maxRetries(0).build())
                    .tools(closer.tools())
                    .build();

            String answer = agent.chat("Qualify the Acme deal with BANT, then email Sarah");
            assertTrue(answer.startsWith("Qualified"), answer);
            assertTrue(model.requests().get(1).contains("criteria_breakdown"), "the tool's result went back to the model");
            assertTrue(model.requests().get(2).contains("NO_AUTO_SEND"), "the refusal went back to the model");
            try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("closer.db"));
                 var rows = c.createStatement().executeQuery("SELECT tool, door, outcome, coalesce(error_code, '') FROM audit_log"
                         + " WHERE trace_id = 'my-agent-trace' ORDER BY id")) {
                List<String> seen = new ArrayList<>();
                while (rows.next()) {
                    seen.add(String.join(" ", rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4)).strip());
                }
                assertEquals(List.of("qualify_opportunity langchain4j ok", "draft_outreach_message langchain4j error NO_AUTO_SEND"), seen);
            }
        } finally {
            wm.stop();
        }
    }

    @Test
    void each_tool_the_profile_may_use_becomes_a_specification_with_its_schema() throws Exception {
        try (App app = TestServer.on(dir).assemble()) {
            var specs = new CloserTools(app.registry(), "readonly", Caller.local("test"), null).specifications();
            assertTrue(specs.stream().noneMatch(s -> s.name().equals("draft_outreach_message")), "the readonly profile cannot draft");
            var qualify = specs.stream().filter(s -> s.name().equals("qualify_opportunity")).findFirst().orElseThrow();
            assertTrue(qualify.parameters().properties().containsKey("criteria"));
            assertEquals(List.of("criteria"), qualify.parameters().required());
            assertTrue(qualify.parameters().properties().get("threshold").toString().contains("maximum"), "bounds travel as written");
        }
    }
}
