package dev.closer.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.closer.testing.ServerTest;
import dev.closer.testing.TestServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Caller mistakes get a structured 4xx naming the problem; the server stays up and charges nothing. */
class BadInputTest extends ServerTest {


    private long ledgerRows() throws Exception {
        return count("SELECT COUNT(*) FROM budget_ledger");
    }

    private void stillUp() {
        assertEquals(200, server.get("/health", null).status());
    }

    private List<String> paths(JsonNode body) {
        List<String> out = new ArrayList<>();
        body.path("error").path("details").path("violations").forEach(v -> out.add(v.path("path").asString()));
        return out;
    }

    @Test
    void every_schema_violation_is_listed_with_its_json_pointer() throws Exception {
        var r = server.call("qualify_opportunity", """
                {"framework": 7, "threshold": "high", "stage": "closing", "surprise": true}""");
        assertEquals(400, r.status(), r.body());
        assertEquals("INVALID_INPUT", r.json().path("error").path("code").asString());
        List<String> paths = paths(r.json());
        assertTrue(paths.containsAll(List.of("/framework", "/threshold", "/stage", "/surprise", "/criteria")), paths.toString());
        assertTrue(r.body().contains("unknown field 'surprise'"));
        assertTrue(r.body().contains("required field 'criteria' is missing"));
        assertEquals(0, ledgerRows());
        stillUp();
    }

    @Test
    void a_ten_megabyte_string_is_refused_by_the_schema() throws Exception {
        String big = "x".repeat(10 * 1024 * 1024);
        var r = server.call("qualify_opportunity", "{\"criteria\": {\"need\": \"" + big + "\"}}");
        assertEquals(400, r.status());
        assertEquals(List.of("/criteria/need"), paths(r.json()));
        assertTrue(r.body().length() < 10_000, "the error does not echo the string back");
        assertEquals(0, ledgerRows());
        stillUp();
    }

    @Test
    void thousand_deep_nesting_is_a_400_not_a_500() {
        String deep = "[".repeat(1000) + "]".repeat(1000);
        var r = server.call("qualify_opportunity", "{\"criteria\": {\"need\": " + deep + "}}");
        assertEquals(400, r.status(), r.body());
        assertEquals("INVALID_INPUT", r.json().path("error").path("code").asString());
        stillUp();
    }

    @Test
    void invalid_json_wrong_content_type_and_non_object_bodies_are_refused() {
        var invalid = server.post("/api/v1/tools/get_budget_status", "{\"inputs\": {", null);
        assertEquals(400, invalid.status());
        assertTrue(invalid.json().path("error").path("message").asString().contains("not valid JSON"));
        var text = server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/tools/get_budget_status"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertEquals(415, text.status());
        assertEquals(400, server.post("/api/v1/tools/get_budget_status", "[1, 2]", null).status());
        assertEquals(400, server.post("/api/v1/tools/get_budget_status", "{\"inputs\": 5}", null).status());
        var unknownTop = server.post("/api/v1/tools/get_budget_status", "{\"inputs\": {}, \"extra\": 1}", null);
        assertEquals(400, unknownTop.status());
        assertTrue(unknownTop.body().contains("'extra'"));
        stillUp();
    }

    @Test
    void a_body_over_the_limit_is_refused_before_it_is_read() throws Exception {
        // Only the headers are sent, announcing a body over the limit: the answer arrives without a
        // byte of body, which is what "refused before it is read". (Sending the 32 MB with a client
        // races the server's close and sees a reset; JDK 17's client hangs on Expect: 100-continue.)
        URI base = URI.create(server.baseUrl());
        try (java.net.Socket s = new java.net.Socket(base.getHost(), base.getPort())) {
            s.setSoTimeout(10_000);
            String head = "POST /api/v1/tools/get_budget_status HTTP/1.1\r\nHost: " + base.getAuthority()
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + (HttpServer.MAX_BODY_BYTES + 1) + "\r\n\r\n";
            s.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            String answer = new String(s.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.contains("PAYLOAD_TOO_LARGE"), answer);
            assertTrue(answer.toLowerCase(java.util.Locale.ROOT).contains("connection: close"), answer);
        }
        assertEquals(0, ledgerRows());
        stillUp();
    }

    @Test
    void an_invalid_trace_id_is_refused_with_a_fresh_one_in_meta() {
        var r = server.call("get_budget_status", "{}", "bad trace\\nforged line", "sales", null);
        assertEquals(400, r.status(), r.body());
        assertEquals("/context/trace_id", paths(r.json()).get(0));
        assertEquals(32, r.json().path("_meta").path("trace_id").asString().length());
    }

    @Test
    void an_unknown_profile_is_refused_naming_the_known_ones() {
        var r = server.call("get_budget_status", "{}", null, "marketing", null);
        assertEquals(403, r.status());
        assertTrue(r.json().path("error").path("message").asString().contains("sales"));
    }
}
