package dev.closer.crm.hubspot;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.closer.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The crm_* tools through the real server against a WireMock HubSpot, with guarded writes. */
class CrmToolsEndToEndTest {

    @TempDir
    Path dir;

    private static String json(String name) throws Exception {
        return Files.readString(Path.of("src/test/resources/crm/hubspot/" + name));
    }

    @Test
    void reads_accounts_and_writes_only_where_the_profile_allows_it_once_per_key() throws Exception {
        Path profiles = Files.createDirectories(dir.resolve("profiles"));
        Files.writeString(profiles.resolve("sales.yaml"), "name: sales\ntools: \"*\"\nbudget: {ceiling: 1000}\ncrm: {vendor: auto, writes: true}\n");
        Files.writeString(profiles.resolve("viewer.yaml"), "name: viewer\ntools: \"*\"\nbudget: {ceiling: 1000}\ncrm: {vendor: auto, writes: false}\n");
        WireMockServer wm = new WireMockServer(wireMockConfig().dynamicPort());
        wm.start();
        try (TestServer server = TestServer.on(dir.resolve("data")).profilesDir(profiles).env("HUBSPOT_ACCESS_TOKEN", "canary-hs-1234")
                .env("HUBSPOT_BASE_URL", wm.baseUrl()).start()) {
            wm.stubFor(get(urlPathEqualTo("/crm/v3/pipelines/deals")).willReturn(aResponse().withBody(json("pipelines-deals.json"))));
            wm.stubFor(get(urlPathEqualTo("/crm/v3/objects/companies/512")).willReturn(aResponse().withBody(json("company-512.json"))));
            wm.stubFor(get(urlPathEqualTo("/crm/v3/objects/deals/9001")).willReturn(aResponse().withBody(json("deal-9001.json"))));
            wm.stubFor(patch(urlPathEqualTo("/crm/v3/objects/deals/9001"))
                    .willReturn(aResponse().withBody(json("deal-9001.json").replace("qualifiedtobuy", "closedwon"))));
            var account = server.call("crm_get_account", "{\"account_id\": \"512\"}");
            assertEquals(200, account.status(), account.body());
            assertEquals(25_000_000.0, account.json().path("account").path("revenue").asDouble());
            assertEquals(5, account.json().path("_meta").path("cost").asInt());

            String update = "{\"opportunity_id\": \"9001\", \"updates\": {\"stage\": \"Closed Won\", \"qualification_score\": 0.8},"
                    + " \"idempotency_key\": \"flow-002-9001\"}";
            var viewer = server.call("crm_update_opportunity", update, null, "viewer", null);
            assertFalse(viewer.json().path("applied").asBoolean());
            assertTrue(viewer.json().path("reason").asString().contains("crm.writes"));
            var dry = server.call("crm_update_opportunity", "{\"opportunity_id\": \"9001\", \"updates\": {\"stage\": \"Closed Won\","
                    + " \"amount\": 100000}, \"dry_run\": true}");
            assertEquals(200, dry.status(), dry.body());
            assertFalse(dry.json().path("applied").asBoolean());
            assertEquals("Qualified To Buy", dry.json().path("changes").path("stage").path("from").asString(), dry.body());
            assertEquals("Closed Won", dry.json().path("changes").path("stage").path("to").asString());
            assertTrue(dry.json().path("changes").path("amount").isMissingNode(), "the amount already is 100,000: no change");
            wm.verify(exactly(0), patchRequestedFor(urlPathEqualTo("/crm/v3/objects/deals/9001")));
            var first = server.call("crm_update_opportunity", update);
            var again = server.call("crm_update_opportunity", update);
            assertTrue(first.json().path("applied").asBoolean(), first.body());
            assertEquals("Closed Won", again.json().path("opportunity").path("stage").asString());
            wm.verify(exactly(1), patchRequestedFor(urlPathEqualTo("/crm/v3/objects/deals/9001")));
            var missing = server.call("crm_get_account", "{\"account_id\": \"999\"}");
            assertEquals(404, missing.status());
            assertFalse(missing.body().contains("canary-hs-1234"));
        }
        try (TestServer restarted = TestServer.on(dir.resolve("data")).profilesDir(profiles).env("HUBSPOT_ACCESS_TOKEN", "canary-hs-1234")
                .env("HUBSPOT_BASE_URL", wm.baseUrl()).start()) {
            var afterRestart = restarted.call("crm_update_opportunity", "{\"opportunity_id\": \"9001\", \"updates\": {\"stage\":"
                    + " \"Closed Won\", \"qualification_score\": 0.8}, \"idempotency_key\": \"flow-002-9001\"}");
            assertEquals(200, afterRestart.status(), afterRestart.body());
            assertTrue(afterRestart.json().path("note").asString().contains("already applied"), afterRestart.body());
            wm.verify(exactly(1), patchRequestedFor(urlPathEqualTo("/crm/v3/objects/deals/9001")));
        } finally {
            wm.stop();
        }
    }
}
