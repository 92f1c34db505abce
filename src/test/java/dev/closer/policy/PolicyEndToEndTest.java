package dev.closer.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.closer.testing.TestServer;
import dev.closer.tool.Json;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The policy chain through the real REST door: budget, tokens, read-only profiles, no-auto-send. */
class PolicyEndToEndTest {

    /** A cost-1 tool that changes nothing but is not marked read-only, and echoes a free-form payload. */
    static final String PAID = """
            {"name": "paid_echo", "description": "Echoes its payload; costs 1.", "cost": 1,
             "annotations": {"readOnlyHint": false},
             "inputSchema": {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
               "properties": {"payload": {"type": "object"}}, "additionalProperties": false}}""";

    @TempDir
    Path dir;

    private static TestServer.Builder withPaidEcho(TestServer.Builder b) {
        return b.tool(PAID, (in, ctx) -> {
            var out = Json.object();
            out.set("payload", in.path("payload"));
            return out;
        });
    }

    private long count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("closer.db"));
             ResultSet r = c.createStatement().executeQuery(sql)) {
            return r.getLong(1);
        }
    }

    @Test
    void two_hundred_concurrent_calls_against_a_ceiling_of_fifty_yield_exactly_fifty_successes() throws Exception {
        try (TestServer server = withPaidEcho(TestServer.on(dir).env("AGENT_BUDGET_CEILING", "50")).start()) {
            ExecutorService pool = Executors.newFixedThreadPool(32);
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                calls.add(pool.submit(() -> server.call("paid_echo", "{}").status()));
            }
            int ok = 0;
            int refused = 0;
            for (Future<Integer> f : calls) {
                int status = f.get();
                if (status == 200) {
                    ok++;
                } else if (status == 429) {
                    refused++;
                }
            }
            pool.shutdown();
            assertEquals(50, ok);
            assertEquals(150, refused);
            assertEquals(50, count("SELECT SUM(cost) FROM budget_ledger"));
            var over = server.call("paid_echo", "{}");
            assertEquals("BUDGET_EXCEEDED", over.json().path("error").path("code").asString());
            var details = over.json().path("error").path("details");
            assertEquals(50, details.path("spent").asInt());
            assertEquals(50, details.path("ceiling").asInt());
            assertEquals(0, details.path("remaining").asInt());
        }
        // A restart does not reset the spend.
        try (TestServer again = withPaidEcho(TestServer.on(dir).env("AGENT_BUDGET_CEILING", "50")).start()) {
            assertEquals(429, again.call("paid_echo", "{}").status());
            assertEquals(0, again.call("get_budget_status", "{}").json().path("remaining").asInt());
        }
    }

    @Test
    void a_token_grants_only_its_profile() {
        try (TestServer server = TestServer.on(dir).env("CLOSER_TOKEN_SALES", "tok-sales-123456")
                .env("CLOSER_TOKEN_READONLY", "tok-readonly-654321").start()) {
            assertEquals(200, server.call("get_budget_status", "{}", null, "sales", "tok-sales-123456").status());
            var denied = server.call("get_budget_status", "{}", null, "readonly", "tok-sales-123456");
            assertEquals(403, denied.status());
            assertEquals("PROFILE_DENIED", denied.json().path("error").path("code").asString());
            assertEquals(401, server.call("get_budget_status", "{}", null, "sales", null).status());
            assertEquals(401, server.call("get_budget_status", "{}", null, "sales", "wrong-token").status());
            assertEquals(200, server.get("/health", null).status());
            // Without a profile in the context, the token's own profile is used.
            var implicit = server.call("get_budget_status", "{}", null, null, "tok-readonly-654321");
            assertEquals("readonly", implicit.json().path("profile").asString());
        }
    }

    @Test
    void the_readonly_profile_neither_lists_nor_calls_a_tool_that_changes_data() {
        try (TestServer server = withPaidEcho(TestServer.on(dir)).start()) {
            var r = server.call("paid_echo", "{}", null, "readonly", null);
            assertEquals(403, r.status());
            assertTrue(r.json().path("error").path("message").asString().contains("read-only"));
            String listed = server.get("/api/v1/tools?profile=readonly", null).body();
            assertFalse(listed.contains("paid_echo"));
            assertFalse(listed.contains("\"define_target_market\""));
            assertTrue(listed.contains("get_budget_status"));
        }
    }

    @Test
    void asking_to_send_is_refused_and_nothing_is_charged() throws Exception {
        try (TestServer server = withPaidEcho(TestServer.on(dir)).start()) {
            for (String payload : List.of("{\"send\": true}", "{\"message\": {\"status\": \"sent\"}}",
                    "{\"steps\": [{\"auto_send\": \"yes\"}]}", "{\"sendAt\": \"2026-12-01T09:00:00Z\"}")) {
                var r = server.call("paid_echo", "{\"payload\": " + payload + "}");
                assertEquals(403, r.status(), payload);
                assertEquals("NO_AUTO_SEND", r.json().path("error").path("code").asString());
            }
            assertEquals(200, server.call("paid_echo", "{\"payload\": {\"send\": false, \"status\": \"draft\"}}").status());
            assertEquals(1, count("SELECT COUNT(*) FROM budget_ledger"));
            assertEquals(5, count("SELECT COUNT(*) FROM audit_log WHERE tool = 'paid_echo'"));
        }
    }

    @Test
    void every_call_is_audited_under_its_trace_id_with_its_door() throws Exception {
        try (TestServer server = TestServer.on(dir).start()) {
            server.call("get_budget_status", "{}", "workflow-001", "sales", null);
            server.call("get_budget_status", "{\"nope\": 1}", "workflow-001", "sales", null);
            assertEquals(2, count("SELECT COUNT(*) FROM audit_log WHERE trace_id = 'workflow-001' AND door = 'rest'"));
            assertEquals(1, count("SELECT COUNT(*) FROM audit_log WHERE trace_id = 'workflow-001' AND error_code = 'INVALID_INPUT'"));
        }
    }
}
