package dev.closer.cli;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.closer.assistant.ScriptedModel.call;
import static dev.closer.assistant.ScriptedModel.text;
import static dev.closer.assistant.ScriptedModel.tools;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.closer.assistant.ScriptedModel;
import dev.closer.testing.Cli;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code closer chat} as a user runs it: one question with --ask, the REPL, and no model at all. */
class ChatCommandTest {

    static final String BANT = "{\"framework\": \"BANT\", \"criteria\": {\"budget\": 50000, \"authority\": \"identified\","
            + " \"need\": \"confirmed\", \"timing\": \"next quarter\"}, \"threshold\": 0.6}";

    @TempDir
    Path dir;
    WireMockServer wm;
    ScriptedModel model;

    @BeforeEach
    void start() {
        wm = new WireMockServer(wireMockConfig().dynamicPort());
        wm.start();
        model = new ScriptedModel(wm, ScriptedModel.Vendor.ANTHROPIC);
    }

    @AfterEach
    void stop() {
        wm.stop();
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>(model.env());
        env.put("CLOSER_DATA_DIR", dir.resolve("data").toString());
        return env;
    }

    @Test
    void ask_prints_the_answer_on_stdout_and_the_tool_calls_on_stderr() {
        model.script(tools(call("qualify_opportunity", BANT)), text("The Acme deal is qualified (BANT 0.85)."));
        var r = Cli.run(env(), null, "chat", "--ask", "Qualify the Acme deal with BANT", "--trace-id", "cli-chat-1");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertEquals("The Acme deal is qualified (BANT 0.85).", r.out().strip());
        assertTrue(r.err().contains("-> qualify_opportunity {\"framework\":\"BANT\""), r.err());
        assertTrue(r.err().contains("ok qualify_opportunity"), r.err());
        assertTrue(r.err().contains("trace cli-chat-1"), r.err());
        assertFalse(r.out().contains(ScriptedModel.API_KEY) || r.err().contains(ScriptedModel.API_KEY));
    }

    @Test
    void the_repl_streams_answers_shows_refusals_and_keeps_the_conversation() {
        model.script(tools(call("draft_outreach_message", "{\"recipient_context\": {\"name\": \"Sarah\"}, \"template\": \"tech_prospecting\","
                        + " \"send\": true}")),
                text("I can't send; Closer only drafts."),
                text("You asked me to email Sarah."));
        var r = Cli.run(env(), "Email Sarah now\nWhat did I ask?\n/quit\n", "chat");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("it never sends"), r.out());
        assertTrue(r.out().contains("refused draft_outreach_message: NO_AUTO_SEND"), r.out());
        assertTrue(r.out().contains("I can't send; Closer only drafts."), r.out());
        assertTrue(r.out().contains("You asked me to email Sarah."), r.out());
        assertTrue(model.requests().get(2).contains("Email Sarah now"), "the second question carried the first");
    }

    @Test
    void without_a_model_it_says_what_to_set_and_exits_2() {
        var r = Cli.run(Map.of("CLOSER_DATA_DIR", dir.resolve("data").toString()), null, "chat", "--ask", "hello");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("Set CLOSER_LLM_MODEL"), r.err());
        assertTrue(r.out().isEmpty());
    }
}
