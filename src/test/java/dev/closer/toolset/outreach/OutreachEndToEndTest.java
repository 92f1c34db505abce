package dev.closer.toolset.outreach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.closer.testing.ServerTest;
import dev.closer.testing.TestServer;
import dev.closer.tool.Json;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The seed guide's Pattern 4 and "Message Quality Recovery", through the real REST door. */
class OutreachEndToEndTest extends ServerTest {


    private JsonNode ok(String tool, String inputs) {
        var r = server.call(tool, inputs, "campaign-001", "sales", null);
        assertEquals(200, r.status(), tool + ": " + r.body());
        return r.json();
    }


    static final String INITIAL = """
            {"name": "initial_outreach", "subject": "{{benefit}} for {{company}}",
             "body": "Hi {{name}},\\n\\nI noticed {{company}} is {{hiring_signal}}. Many {{industry}} companies we work with face challenges around {{pain_point}}.\\n\\nWould you be open to a 15-minute call next week to discuss how we've helped similar companies achieve {{benefit}}?\\n\\nBest,\\n{{sender_name}}",
             "channel": "email", "tags": ["prospecting", "cold_outreach"]}""";
    static final String FOLLOW_UP = """
            {"name": "follow_up_1", "subject": "Re: {{benefit}} for {{company}}",
             "body": "{{name}},\\n\\nFollowing up on my previous email. I'd love to share how {{customer_name}} (similar {{industry}} company) achieved {{customer_result}} in just {{timeframe}}.\\n\\nWould Tuesday or Wednesday work for a quick call?\\n\\nBest,\\n{{sender_name}}",
             "channel": "email", "tags": ["follow_up"]}""";

    @Test
    void pattern_4_runs_as_written_on_a_new_profile_and_grades_sarahs_draft_a_or_b_plus() throws Exception {
        var created = ok("manage_template_library", "{\"operation\": \"create\", \"template\": " + INITIAL + "}");
        assertEquals(List.of("benefit", "company", "name", "hiring_signal", "industry", "pain_point", "sender_name"),
                Json.MAPPER.convertValue(created.path("template").path("variables"), List.class));
        ok("manage_template_library", "{\"operation\": \"create\", \"template\": " + FOLLOW_UP + "}");
        var draft = ok("draft_outreach_message", """
                {"recipient_context": {"name": "Sarah Johnson", "title": "VP Sales", "company": "Acme SaaS"},
                 "sender_context": {"name": "Alex Martinez", "title": "Account Executive", "company": "CUGAr Solutions"},
                 "template": "initial_outreach", "channel": "email",
                 "personalization": {"benefit": "30% faster sales cycles", "company": "Acme SaaS",
                   "hiring_signal": "expanding their sales team (5 new openings)", "industry": "SaaS",
                   "pain_point": "manual prospecting and qualification"}}""");
        JsonNode message = draft.path("message");
        assertEquals("draft", message.path("status").asString());
        assertEquals("30% faster sales cycles for Acme SaaS", message.path("subject").asString());
        assertTrue(message.path("body").asString().startsWith("Hi Sarah Johnson,"));
        assertEquals(0, message.path("missing_variables").size());
        var quality = ok("assess_message_quality", "{\"message\": " + message + "}");
        assertTrue(List.of("A", "B+").contains(quality.path("grade").asString()), quality.toString());
        assertEquals(1, count("SELECT COUNT(*) FROM drafts WHERE status = 'draft' AND grade IN ('A', 'B+')"));
        var queue = ok("list_drafts", "{\"status\": \"draft\"}");
        assertEquals(message.path("draft_id").asString(), queue.path("drafts").get(0).path("draft_id").asString());
    }

    @Test
    void a_450_word_message_without_an_ask_grades_c_or_lower_with_the_guides_three_issues() {
        String rambling = ("Our platform offers capabilities for teams of every size today. ").repeat(45);
        var quality = ok("assess_message_quality", "{\"message\": {\"subject\": \"Our platform\", \"body\": \""
                + rambling.strip() + "\"}, \"recipient_context\": {\"name\": \"David Park\", \"company\": \"Parkside\"}}");
        assertTrue(List.of("C", "D", "F").contains(quality.path("grade").asString()), quality.toString());
        List<String> types = new ArrayList<>();
        quality.path("issues").forEach(i -> types.add(i.path("type").asString()));
        assertTrue(types.containsAll(List.of("too_long", "no_call_to_action", "low_personalization")), types.toString());
        assertTrue(quality.toString().contains("Message is too long (450 words, should be <300)"));
    }

    @Test
    void message_quality_recovery_a_poor_draft_redrafted_with_another_template_grades_better() {
        String recipient = "{\"name\": \"Sarah Johnson\", \"title\": \"VP Sales\", \"company\": \"Acme Tech\"}";
        var poor = ok("draft_outreach_message", "{\"recipient_context\": " + recipient + ", \"template\": {\"subject\": \"HELLO\","
                + " \"body\": \"I hope this email finds you well. We offer GUARANTEED RESULTS NOW for all companies.\"}}");
        var poorGrade = ok("assess_message_quality", "{\"message\": " + poor.path("message") + "}");
        var better = ok("draft_outreach_message", "{\"recipient_context\": " + recipient
                + ", \"sender_context\": {\"name\": \"Alex Martinez\", \"company\": \"CUGAr Solutions\"}, \"template\": \"alternative_template\"}");
        var betterGrade = ok("assess_message_quality", "{\"message\": " + better.path("message") + "}");
        assertTrue(List.of("C", "D", "F").contains(poorGrade.path("grade").asString()), poorGrade.toString());
        assertTrue(betterGrade.path("quality_score").asDouble() > poorGrade.path("quality_score").asDouble());
        assertTrue(List.of("A", "B+", "B").contains(betterGrade.path("grade").asString()), betterGrade.toString());
    }

    @Test
    void every_starter_template_grades_a_or_b_plus_once_filled_with_the_guides_contexts() {
        for (String name : List.of("tech_prospecting", "qualified_prospect", "alternative_template", "meeting_follow_up",
                "linkedin_connect", "discovery_call_script")) {
            var d = ok("draft_outreach_message", """
                    {"recipient_context": {"name": "Sarah Johnson", "title": "VP Sales", "company": "Acme Tech"},
                     "sender_context": {"name": "Alex Martinez", "title": "Account Executive", "company": "CUGAr Solutions"},
                     "template": "%s"}""".formatted(name));
            assertEquals(0, d.path("message").path("missing_variables").size(), name);
            var q = ok("assess_message_quality", "{\"message\": " + d.path("message") + "}");
            assertTrue(List.of("A", "B+").contains(q.path("grade").asString()), name + ": " + q);
        }
    }

    @Test
    void an_update_adds_a_version_and_the_old_one_stays_readable() {
        ok("manage_template_library", "{\"operation\": \"create\", \"template\": " + INITIAL + "}");
        var v2 = ok("manage_template_library", "{\"operation\": \"update\", \"name\": \"initial_outreach\","
                + " \"template\": {\"subject\": \"Zebra idea for {{company}}\"}}");
        assertEquals(2, v2.path("template").path("version").asInt());
        var v1 = ok("manage_template_library", "{\"operation\": \"read\", \"name\": \"initial_outreach\", \"version\": 1}");
        assertEquals("{{benefit}} for {{company}}", v1.path("template").path("subject").asString());
        var found = ok("manage_template_library", "{\"operation\": \"search\", \"query\": \"zebra idea\"}");
        assertEquals(1, found.path("count").asInt());
    }

    @Test
    void bad_inputs_get_structured_errors_and_nothing_is_half_stored() throws Exception {
        var unknown = server.call("draft_outreach_message", "{\"recipient_context\": {\"name\": \"X\"}, \"template\": \"tech_prospectin\"}");
        assertEquals(404, unknown.status());
        assertTrue(unknown.body().contains("did you mean 'tech_prospecting'"), unknown.body());
        var unbalanced = server.call("manage_template_library", "{\"operation\": \"create\", \"template\": {\"name\": \"bad\","
                + " \"body\": \"Hi {{name, how are you\"}}");
        assertEquals(400, unbalanced.status());
        assertTrue(unbalanced.body().contains("/template/body") && unbalanced.body().contains("never closed"), unbalanced.body());
        var huge = server.call("manage_template_library", "{\"operation\": \"create\", \"template\": {\"name\": \"huge\", \"body\": \""
                + "x".repeat(1_000_000) + "\"}}");
        assertEquals(400, huge.status());
        var channel = server.call("draft_outreach_message", "{\"recipient_context\": {}, \"template\": \"tech_prospecting\", \"channel\": \"fax\"}");
        assertEquals(400, channel.status());
        var duplicate = server.call("manage_template_library", "{\"operation\": \"create\", \"template\": {\"name\": \"tech_prospecting\", \"body\": \"x\"}}");
        assertEquals(400, duplicate.status());
        var send = server.call("draft_outreach_message", "{\"recipient_context\": {\"name\": \"X\"}, \"template\": \"tech_prospecting\", \"send\": true}");
        assertEquals(403, send.status(), "asking to send is reported as NO_AUTO_SEND, not as an unknown field");
        assertEquals("NO_AUTO_SEND", send.json().path("error").path("code").asString());
        assertEquals(0, count("SELECT COUNT(*) FROM drafts"));
        assertEquals(0, count("SELECT COUNT(*) FROM templates WHERE name IN ('bad', 'huge')"));
    }

    @Test
    void another_profiles_draft_is_not_found_and_its_queue_is_not_visible() {
        var d = ok("draft_outreach_message", "{\"recipient_context\": {\"name\": \"Sarah Johnson\", \"company\": \"Acme\"},"
                + " \"template\": \"tech_prospecting\"}");
        String id = d.path("message").path("draft_id").asString();
        var other = server.call("assess_message_quality", "{\"message\": \"Hello there\", \"draft_id\": \"" + id + "\"}", null, "readonly", null);
        assertEquals(403, other.status(), "readonly may not store a grade: " + other.body());
        var list = server.call("list_drafts", "{}", null, "readonly", null);
        assertEquals(0, list.json().path("count").asInt());
    }

    @Test
    void the_review_page_approves_and_rejects_and_refuses_a_second_review() throws Exception {
        String a = ok("draft_outreach_message", "{\"recipient_context\": {\"name\": \"Ann Lee\", \"company\": \"A Co\"},"
                + " \"template\": \"tech_prospecting\"}").path("message").path("draft_id").asString();
        String b = ok("draft_outreach_message", "{\"recipient_context\": {\"name\": \"Bo Chan\", \"company\": \"B Co\"},"
                + " \"template\": \"tech_prospecting\"}").path("message").path("draft_id").asString();
        var page = server.get("/review", null);
        assertEquals(200, page.status());
        assertTrue(page.body().contains(a) && page.body().contains("Ann Lee"));
        assertEquals(303, form("/review/" + a + "/approve").status());
        assertEquals(303, form("/review/" + b + "/reject").status());
        assertEquals(409, form("/review/" + a + "/reject").status());
        assertEquals(1, count("SELECT COUNT(*) FROM drafts WHERE draft_id = '" + a + "' AND status = 'approved'"));
        assertEquals(1, count("SELECT COUNT(*) FROM drafts WHERE draft_id = '" + b + "' AND status = 'rejected'"));
        var evil = server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/review/" + b + "/approve"))
                .header("Origin", "https://evil.example").POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(403, evil.status());
        for (JsonNode t : server.get("/api/v1/tools", null).json().path("tools")) {
            String name = t.path("name").asString();
            assertFalse(name.contains("approve") || name.contains("reject") || name.contains("review"), "review actions are not tools: " + name);
        }
    }

    private TestServer.Response form(String path) {
        return server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("note=ok")).build());
    }
}
