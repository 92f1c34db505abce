package dev.closer.crm.hubspot;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.closer.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guide's graceful CRM fallback through the real server: with HubSpot configured (a WireMock
 * HubSpot), enrichment uses it; when HubSpot fails, the offline result comes back with the failure
 * stated. The canary token never reaches a result or an audit row.
 */
class CrmFallbackEndToEndTest {

    private static final String TOKEN = "canary-hubspot-token-7a6b";

    @TempDir
    Path dir;

    @Test
    void enrichment_uses_hubspot_and_falls_back_to_offline_when_it_fails() throws Exception {
        WireMockServer wm = new WireMockServer(wireMockConfig().dynamicPort());
        wm.start();
        try (TestServer server = TestServer.on(dir).env("HUBSPOT_ACCESS_TOKEN", TOKEN).env("HUBSPOT_BASE_URL", wm.baseUrl()).start()) {
            wm.stubFor(get(urlPathEqualTo("/crm/v3/pipelines/deals")).willReturn(aResponse()
                    .withBody(Files.readString(Path.of("src/test/resources/crm/hubspot/pipelines-deals.json")))));
            wm.stubFor(post(urlPathEqualTo("/crm/v3/objects/deals/search")).willReturn(aResponse()
                    .withBody(Files.readString(Path.of("src/test/resources/crm/hubspot/deals-search-page2.json")))));
            var up = server.call("get_account_signals", "{\"account_id\": \"512\", \"enrich_from_crm\": true}");
            assertEquals(200, up.status(), up.body());
            assertEquals("crm+offline", up.json().path("source").asString());
            assertTrue(up.json().path("sources_used").toString().contains("hubspot"));

            wm.resetAll();
            wm.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(503)));
            wm.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(503)));
            var down = server.call("get_account_signals", "{\"account_id\": \"512\", \"enrich_from_crm\": true}");
            assertEquals(200, down.status(), down.body());
            assertEquals("offline", down.json().path("source").asString());
            assertEquals("CRM_UNAVAILABLE", down.json().path("crm_error").path("code").asString());
            assertFalse(up.body().contains(TOKEN) || down.body().contains(TOKEN));
            try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("closer.db"));
                 var r = c.createStatement().executeQuery("SELECT group_concat(coalesce(inputs,'') || coalesce(error,'')) FROM audit_log")) {
                assertFalse(String.valueOf(r.getString(1)).contains(TOKEN));
            }
        } finally {
            wm.stop();
        }
    }
}
