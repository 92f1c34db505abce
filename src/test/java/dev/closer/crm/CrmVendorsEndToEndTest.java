package dev.closer.crm;

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
import java.sql.DriverManager;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each vendor through the real server, configured only by the environment as a user would (its
 * credentials and a base URL pointing at WireMock, which plays the vendor from its contract
 * mappings): the crm_* tools, a guarded write applied once per key, CRM-enriched signals, and the
 * win/loss analysis reading closed deals from the CRM. The credentials are canaries that must not
 * appear in any answer or audit row.
 */
class CrmVendorsEndToEndTest {

    record Vendor(String name, String mappings, Function<String, Map<String, String>> env, String secret, String acme,
                  String open, String patchPath) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Vendor> vendors() {
        return Stream.of(
                new Vendor("hubspot", "src/test/resources/crm/hubspot/contract",
                        url -> Map.of("HUBSPOT_ACCESS_TOKEN", "pat-na1-contract-canary", "HUBSPOT_BASE_URL", url),
                        "pat-na1-contract-canary", "512", "9003", "/crm/v3/objects/deals/"),
                new Vendor("salesforce", "src/test/resources/crm/salesforce",
                        url -> Map.of("SALESFORCE_CLIENT_ID", "3MVG9contractClientId", "SALESFORCE_CLIENT_SECRET",
                                "contract-client-secret-4f2a", "SALESFORCE_LOGIN_URL", url),
                        "contract-client-secret-4f2a", "001Dn00000A1cMeIAB", "006Dn00000C5oPnIAA",
                        "/services/data/v66.0/sobjects/Opportunity/"),
                new Vendor("pipedrive", "src/test/resources/crm/pipedrive",
                        url -> Map.of("PIPEDRIVE_API_TOKEN", "pd-contract-token-5a7c", "PIPEDRIVE_BASE_URL", url),
                        "pd-contract-token-5a7c", "101", "2003", "/api/v2/deals/"));
    }

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @MethodSource("vendors")
    void the_crm_tools_signals_and_analysis_run_on_the_vendor(Vendor v) throws Exception {
        Path profiles = Files.createDirectories(dir.resolve("profiles"));
        Files.writeString(profiles.resolve("sales.yaml"), "name: sales\ntools: \"*\"\nbudget: {ceiling: 1000}\n"
                + "crm: {vendor: auto, writes: true, cache_seconds: 30}\n");
        WireMockServer wm = new WireMockServer(wireMockConfig().dynamicPort().usingFilesUnderDirectory(v.mappings()));
        wm.start();
        TestServer.Builder b = TestServer.on(dir.resolve("data")).profilesDir(profiles);
        v.env().apply(wm.baseUrl()).forEach(b::env);
        StringBuilder everything = new StringBuilder();
        try (TestServer server = b.start()) {
            var account = server.call("crm_get_account", "{\"account_id\": \"" + v.acme() + "\"}");
            assertEquals(200, account.status(), account.body());
            assertEquals(25_000_000.0, account.json().path("account").path("revenue").asDouble());
            assertEquals(v.name(), account.json().path("account").path("source").asString());

            var won = server.call("crm_search_opportunities", "{\"filters\": {\"stage\": \"Closed Won\"}, \"limit\": 10}");
            assertEquals(200, won.status(), won.body());
            assertEquals(1, won.json().path("opportunities").size(), won.body());
            assertTrue(won.json().path("opportunities").path(0).path("is_won").asBoolean());

            String update = "{\"opportunity_id\": \"" + v.open() + "\", \"updates\": {\"amount\": 95000}, \"idempotency_key\": \"e2e-1\"}";
            var first = server.call("crm_update_opportunity", update);
            var again = server.call("crm_update_opportunity", update);
            assertEquals(200, first.status(), first.body());
            assertTrue(first.json().path("applied").asBoolean(), first.body());
            assertEquals(80_000.0, first.json().path("changes").path("amount").path("from").asDouble(), first.body());
            assertTrue(again.json().path("note").asString().contains("already applied"), again.body());
            assertEquals(1, wm.findAll(patchRequestedFor(urlPathEqualTo(v.patchPath() + v.open()))).size());

            var signals = server.call("get_account_signals", "{\"account_id\": \"" + v.acme() + "\", \"enrich_from_crm\": true}");
            assertEquals(200, signals.status(), signals.body());
            assertEquals("crm+offline", signals.json().path("source").asString(), signals.body());
            assertTrue(signals.body().contains("open opportunit"), signals.body());

            var analysis = server.call("analyze_win_loss_patterns", "{\"from_crm\": true, \"min_deals_for_pattern\": 1}");
            assertEquals(200, analysis.status(), analysis.body());
            assertEquals(1, analysis.json().path("summary").path("won_count").asInt(), analysis.body());
            assertEquals(1, analysis.json().path("summary").path("lost_count").asInt(), analysis.body());
            assertTrue(analysis.body().contains("price"), "the lost deal's reason is normalised: " + analysis.body());

            for (var r : new Object[] {account, won, first, again, signals, analysis}) {
                everything.append(r);
            }
        } finally {
            wm.stop();
        }
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data").resolve("closer.db"));
             var r = c.createStatement().executeQuery("SELECT group_concat(coalesce(inputs,'') || coalesce(error,'')) FROM audit_log")) {
            everything.append(r.getString(1));
        }
        assertFalse(everything.toString().contains(v.secret()), "the credential never reaches an answer or the audit log");
    }
}
