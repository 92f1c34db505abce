package dev.closer.toolset.outreach;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.closer.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two writing profiles: neither sees the other's drafts, templates or markets. */
class ProfileIsolationTest {

    @TempDir
    Path dir;

    @Test
    void another_profiles_draft_template_and_market_are_not_found() throws Exception {
        Path profiles = Files.createDirectories(dir.resolve("profiles"));
        for (String p : new String[]{"sales", "marketing"}) {
            Files.writeString(profiles.resolve(p + ".yaml"), "name: " + p + "\ntools: \"*\"\nbudget: {ceiling: 1000, window: day}\n");
        }
        try (TestServer server = TestServer.on(dir.resolve("data")).profilesDir(profiles).start()) {
            var draft = server.call("draft_outreach_message", "{\"recipient_context\": {\"name\": \"Sarah Johnson\", \"company\": \"Acme\"},"
                    + " \"template\": \"tech_prospecting\"}", null, "sales", null);
            String id = draft.json().path("message").path("draft_id").asString();
            var grade = server.call("assess_message_quality", "{\"message\": \"Hi Sarah, would you be open to a call?\", \"draft_id\": \""
                    + id + "\"}", null, "marketing", null);
            assertEquals(404, grade.status(), grade.body());
            assertEquals("NOT_FOUND", grade.json().path("error").path("code").asString());
            assertEquals(0, server.call("list_drafts", "{}", null, "marketing", null).json().path("count").asInt());
            server.call("manage_template_library", "{\"operation\": \"create\", \"template\": {\"name\": \"sales_only\", \"body\": \"Hi {{name}}\"}}",
                    null, "sales", null);
            assertEquals(404, server.call("manage_template_library", "{\"operation\": \"read\", \"name\": \"sales_only\"}", null, "marketing", null).status());
            assertEquals(200, server.call("manage_template_library", "{\"operation\": \"read\", \"name\": \"sales_only\"}", null, "sales", null).status());
            String market = server.call("define_target_market", "{\"market_definition\": {\"industries\": [\"SaaS\"]}}", null, "sales", null)
                    .json().path("market_id").asString();
            assertEquals(404, server.call("score_accounts", "{\"accounts\": [{\"name\": \"x\"}], \"market_id\": \"" + market + "\"}",
                    null, "marketing", null).status());
        }
    }
}
