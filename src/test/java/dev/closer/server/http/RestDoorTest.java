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
}
