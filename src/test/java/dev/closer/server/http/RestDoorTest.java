package dev.closer.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.closer.testing.ServerTest;
import dev.closer.testing.TestServer;
import org.junit.jupiter.api.Test;

class RestDoorTest extends ServerTest {


    @Test
    void returns_the_result_object_itself_with_meta_echoing_the_trace_id() {
        var r = server.call("get_budget_status", "{}", "workflow-001", "sales", null);
        assertEquals(200, r.status(), r.body());
        assertEquals("sales", r.json().path("profile").asString());
        assertEquals("workflow-001", r.json().path("_meta").path("trace_id").asString());
        assertEquals(0, r.json().path("_meta").path("cost").asInt());
    }

    @Test
    void answers_an_unknown_tool_with_404_problem_json() {
        var r = server.call("no_such_tool", "{}");
        assertEquals(404, r.status());
        assertEquals("UNKNOWN_TOOL", r.json().path("error").path("code").asString());
    }

    @Test
    void lists_tools_with_their_schema_files_as_written() {
        var r = server.get("/api/v1/tools", null);
        assertEquals(200, r.status());
        tools.jackson.databind.JsonNode tool = null;
        for (var t : r.json().path("tools")) {
            if (t.path("name").asString().equals("get_budget_status")) {
                tool = t;
            }
        }
        org.junit.jupiter.api.Assertions.assertNotNull(tool);
        assertEquals("https://json-schema.org/draft/2020-12/schema", tool.path("inputSchema").path("$schema").asString());
        assertTrue(tool.path("annotations").path("readOnlyHint").asBoolean());
    }

    @Test
    void serves_openapi_3_1_generated_from_the_schema_files() {
        var doc = server.get("/openapi.json", null).json();
        assertEquals("3.1.0", doc.path("openapi").asString());
        var op = doc.path("paths").path("/api/v1/tools/score_accounts").path("post");
        assertEquals("score_accounts", op.path("operationId").asString());
        assertEquals(100000, op.path("requestBody").path("content").path("application/json").path("schema")
                .path("properties").path("inputs").path("properties").path("accounts").path("maxItems").asInt());
        assertTrue(op.path("responses").has("429"));
    }

    @Test
    void exposes_prometheus_metrics_for_calls_and_refusals() {
        server.call("get_budget_status", "{}");
        server.call("get_budget_status", "{\"nope\": 1}");
        String metrics = server.get("/metrics", null).body();
        assertTrue(metrics.contains("closer_calls_total{door=\"rest\",outcome=\"ok\",tool=\"get_budget_status\"} 1.0"), metrics);
        assertTrue(metrics.contains("closer_refusals_total{code=\"INVALID_INPUT\"} 1.0"), metrics);
        assertTrue(metrics.contains("closer_call_seconds_count{tool=\"get_budget_status\"} 2"), metrics);
    }
}
