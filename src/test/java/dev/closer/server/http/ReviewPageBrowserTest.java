package dev.closer.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.closer.testing.ServerTest;
import dev.closer.tool.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A person's review, in a real browser: headless Chromium (Debian's package, driven by Playwright
 * from test-tools/) opens /review, approves one draft and rejects another by clicking, and the
 * store shows the new statuses. CI installs Chromium (.ci/run); elsewhere the test is skipped
 * when /usr/bin/chromium is absent, but never under CI=true.
 */
class ReviewPageBrowserTest extends ServerTest {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

    @Test
    void a_reviewer_approves_one_draft_and_rejects_another_in_the_browser() throws Exception {
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        if (!ci) {
            Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed (apt-get install chromium)");
        }
        String a = draft("Ann Lee", "A Co");
        String b = draft("Bo Chan", "B Co");
        Process p = new ProcessBuilder(List.of("node", "test-tools/review-browser.mjs", server.baseUrl(), a, b,
                dir.resolve("review.png").toString())).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "browser run timed out: " + out);
        assertEquals(0, p.exitValue(), out);
        var seen = Json.parse(out.strip().lines().reduce((x, y) -> y).orElse("{}"));
        assertEquals(2, seen.path("before").asInt(), out);
        assertEquals(0, seen.path("after").asInt(), "both drafts left the queue: " + out);
        assertEquals("approved", seen.path("approvedShown").asString());
        assertEquals(1, count("SELECT COUNT(*) FROM drafts WHERE draft_id = '" + a + "' AND status = 'approved' AND reviewer = 'review-page'"));
        assertEquals(1, count("SELECT COUNT(*) FROM drafts WHERE draft_id = '" + b + "' AND status = 'rejected'"));
        assertTrue(Files.size(dir.resolve("review.png")) > 1000, "a screenshot was taken");
    }

    private String draft(String name, String company) {
        var r = server.call("draft_outreach_message", "{\"recipient_context\": {\"name\": \"" + name + "\", \"company\": \""
                + company + "\"}, \"template\": \"tech_prospecting\"}");
        assertEquals(200, r.status(), r.body());
        return r.json().path("message").path("draft_id").asString();
    }
}
