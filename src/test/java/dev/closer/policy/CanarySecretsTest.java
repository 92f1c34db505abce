package dev.closer.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import dev.closer.testing.TestServer;
import dev.closer.tool.Json;
import dev.closer.tool.ToolError;
import dev.closer.tool.ToolException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Canary secrets planted in inputs, the environment, a profile's redaction config and handler
 * errors never reach a result, an error, the audit log or the log output, while ordinary words
 * such as 'authority' and 'max_tokens' pass untouched.
 */
class CanarySecretsTest {

    private static final List<String> CANARIES = List.of("canary-AAA-111", "canary-BBB-222", "canary-CCC-444",
            "canary-env-333", "canary-ssn-555", "canary-DDD-666", "abcdefghijklmnop");

    @TempDir
    Path dir;
    private final ByteArrayOutputStream logs = new ByteArrayOutputStream();
    private OutputStreamAppender<ILoggingEvent> capture;

    @BeforeEach
    void captureLogs() {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        RedactingLogEncoder encoder = new RedactingLogEncoder();
        encoder.setContext(ctx);
        encoder.setPattern("%level %logger - %msg%n");
        encoder.start();
        capture = new OutputStreamAppender<>();
        capture.setContext(ctx);
        capture.setEncoder(encoder);
        capture.setOutputStream(logs);
        capture.start();
        ctx.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(capture);
    }

    @AfterEach
    void stopCapture() {
        ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(capture);
    }

    private TestServer start() throws Exception {
        Path profiles = Files.createDirectories(dir.resolve("profiles"));
        Files.writeString(profiles.resolve("sales.yaml"), """
                name: sales
                tools: "*"
                budget: {ceiling: 1000, window: day}
                redaction: {keys: [ssn], values: ["canary-DDD-\\\\d+"]}
                """);
        Files.writeString(profiles.resolve("readonly.yaml"), "name: readonly\ntools: \"*\"\nread_only: true\nbudget: {ceiling: 10}\n");
        String echo = """
                {"name": "echo", "description": "Echoes inputs.", "cost": 0, "annotations": {"readOnlyHint": true},
                 "inputSchema": {"type": "object", "additionalProperties": true}}""";
        String boom = """
                {"name": "boom", "description": "Fails.", "cost": 0, "annotations": {"readOnlyHint": true},
                 "inputSchema": {"type": "object", "properties": {"kind": {"type": "string"}}}}""";
        return TestServer.on(dir.resolve("data")).profilesDir(profiles).env("HUBSPOT_ACCESS_TOKEN", "canary-env-333")
                .tool(echo, (in, ctx) -> {
                    var out = in.deepCopy();
                    ((tools.jackson.databind.node.ObjectNode) out).put("env_value_seen", "token is canary-env-333");
                    return out;
                })
                .tool(boom, (in, ctx) -> {
                    if (in.path("kind").asString().equals("tool")) {
                        throw new ToolException(ToolError.CRM_AUTH, "vendor refused key canary-AAA-111",
                                Map.of("authorization", "Bearer abcdefghijklmnop", "hint", "canary-env-333"));
                    }
                    throw new IllegalStateException("failed with canary-CCC-444 and Bearer abcdefghijklmnop");
                }).start();
    }

    @Test
    void canaries_never_reach_results_errors_audit_rows_or_logs() throws Exception {
        String bodies;
        try (TestServer server = start()) {
            var echoed = server.call("echo", """
                    {"notes": {"api_key": "canary-AAA-111", "accessToken": "canary-BBB-222", "X-Auth-Token": "canary-CCC-444",
                               "ssn": "canary-ssn-555", "memo": "id canary-DDD-666", "authority": "CFO identified",
                               "max_tokens": 512, "author": "Sam"}}""");
            assertEquals(200, echoed.status(), echoed.body());
            var notes = echoed.json().path("notes");
            assertEquals("CFO identified", notes.path("authority").asString());
            assertEquals(512, notes.path("max_tokens").asInt());
            assertEquals("Sam", notes.path("author").asString());
            assertEquals(Redactor.MASK, notes.path("api_key").asString());
            var toolError = server.call("boom", "{\"kind\": \"tool\", \"vendor\": {\"api_key\": \"canary-AAA-111\"}}");
            assertEquals("CRM_AUTH", toolError.json().path("error").path("code").asString());
            var crash = server.call("boom", "{\"kind\": \"crash\", \"password\": \"canary-CCC-444\"}");
            assertEquals(500, crash.status());
            assertEquals("INTERNAL", crash.json().path("error").path("code").asString());
            bodies = echoed.body() + toolError.body() + crash.body();
        }
        String audit = auditText();
        String logText = logs.toString(StandardCharsets.UTF_8);
        assertTrue(logText.contains("tool boom failed"), "the crash is logged: " + logText);
        for (String canary : CANARIES) {
            assertFalse(bodies.contains(canary), "result/error leaked " + canary + ": " + bodies);
            assertFalse(audit.contains(canary), "audit leaked " + canary + ": " + audit);
            assertFalse(logText.contains(canary), "log leaked " + canary + ": " + logText);
        }
        assertTrue(audit.contains("CFO identified"), "authority is kept in the audit row");
    }

    private String auditText() throws Exception {
        StringBuilder sb = new StringBuilder();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data/closer.db"));
             ResultSet r = c.createStatement().executeQuery("SELECT inputs, error FROM audit_log")) {
            while (r.next()) {
                sb.append(r.getString(1)).append(' ').append(r.getString(2)).append('\n');
            }
        }
        return sb.toString();
    }

    @Test
    void key_words_are_split_across_snake_camel_and_kebab_case() {
        Redactor r = Redactor.builtIn();
        for (String secret : List.of("api_key", "apiKey", "accessToken", "X-Auth-Token", "client_secret", "session_id",
                "private_key", "password", "Authorization", "set-cookie", "refresh_token", "credentials")) {
            assertTrue(r.isSecretKey(secret), secret);
        }
        for (String plain : List.of("authority", "max_tokens", "author", "tokens_used", "keynote", "session", "passage")) {
            assertFalse(r.isSecretKey(plain), plain);
        }
    }

    @Test
    void values_that_look_like_secrets_are_masked_inside_text() {
        Redactor r = Redactor.builtIn();
        String text = "auth Bearer abc.def-ghi_jkl jwt eyJhbGciOi.eyJzdWIiOiIx.sig aws AKIAABCDEFGHIJKLMNOP gh "
                + "ghp_abcdefghijklmnopqrstuvwxyz0123456789 slack xoxb-1234567890-abc openai sk-proj-abcdefghijklmnopqrstu";
        String out = r.redactText(text);
        for (String s : List.of("abc.def-ghi_jkl", "eyJzdWIiOiIx", "AKIAABCDEFGHIJKLMNOP", "ghp_abc", "xoxb-123", "sk-proj-abc")) {
            assertFalse(out.contains(s), s + " in " + out);
        }
        assertEquals("Sarah is the VP of Sales at Acme.", r.redactText("Sarah is the VP of Sales at Acme."));
        var tree = Json.parse("{\"k\": \"-----BEGIN RSA PRIVATE KEY-----\\nMIIE\\n-----END RSA PRIVATE KEY-----\"}");
        assertEquals(Redactor.MASK, r.redact(tree).path("k").asString());
    }
}
