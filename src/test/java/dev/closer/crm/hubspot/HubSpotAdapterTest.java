package dev.closer.crm.hubspot;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.closer.crm.CrmException;
import dev.closer.testing.LogCapture;
import dev.closer.crm.IdempotentCrm;
import dev.closer.crm.MemoryUpdateLog;
import dev.closer.crm.http.RateLimiter;
import dev.closer.crm.OpportunityFilters;
import dev.closer.crm.http.VendorHttp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** HubSpot CRM v3 played by WireMock in its real wire format; the token is a canary. */
class HubSpotAdapterTest {

    private static final String TOKEN = "canary-hubspot-token-9f8e";

    private WireMockServer wm;
    private final List<Duration> sleeps = new ArrayList<>();
    private HubSpotAdapter hubspot;

    private static String json(String name) throws IOException {
        return Files.readString(Path.of("src/test/resources/crm/hubspot/" + name));
    }

    @BeforeEach
    void start() throws IOException {
        wm = new WireMockServer(wireMockConfig().dynamicPort());
        wm.start();
        wm.stubFor(get(urlPathEqualTo("/crm/v3/pipelines/deals")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(json("pipelines-deals.json"))));
        VendorHttp.Settings s = new VendorHttp.Settings(Duration.ofSeconds(2), Duration.ofMillis(800), 3, Duration.ofMillis(100),
                Duration.ofSeconds(5), 5, Duration.ofSeconds(30));
        wm.stubFor(get(urlPathEqualTo("/crm/v3/properties/companies/industry")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(json("properties-industry.json"))));
        wm.stubFor(post(urlPathEqualTo("/crm/v4/associations/deals/companies/batch/read")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("""
                        {"status": "COMPLETE", "results": [
                          {"from": {"id": "9001"}, "to": [{"toObjectId": 512, "associationTypes": [
                            {"category": "HUBSPOT_DEFINED", "typeId": 341, "label": null},
                            {"category": "HUBSPOT_DEFINED", "typeId": 5, "label": "Primary"}]}]},
                          {"from": {"id": "9002"}, "to": [{"toObjectId": 777, "associationTypes": [
                            {"category": "HUBSPOT_DEFINED", "typeId": 341, "label": null}]},
                            {"toObjectId": 512, "associationTypes": [{"category": "HUBSPOT_DEFINED", "typeId": 5, "label": "Primary"}]}]}
                        ], "startedAt": "2026-11-25T10:00:00Z", "completedAt": "2026-11-25T10:00:00Z"}""")));
        hubspot = new HubSpotAdapter(wm.baseUrl(), TOKEN, new VendorHttp("hubspot", s, sleeps::add, Clock.systemUTC(),
                HubSpotAdapter.rules()), RateLimiter.unlimited(), 2);
    }

    @AfterEach
    void stop() {
        wm.stop();
    }

    @Test
    void reads_a_company_with_string_numbers_as_numbers_and_sends_the_bearer_token() throws IOException {
        wm.stubFor(get(urlPathEqualTo("/crm/v3/objects/companies/512")).withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(json("company-512.json"))));
        var a = hubspot.getAccount("512");
        assertEquals("Acme SaaS", a.name());
        assertEquals("Computer Software", a.industry(), "HubSpot's industry value is shown by its label");
        assertEquals(25_000_000.0, a.revenue());
        assertEquals(150, a.employeeCount());
        assertEquals("CA", a.region());
        assertEquals("hubspot", a.source());
    }

    @Test
    void searches_closed_won_deals_across_pipelines_with_paging() throws IOException {
        wm.stubFor(post(urlPathEqualTo("/crm/v3/objects/deals/search")).withRequestBody(matchingJsonPath("$.after", equalTo("2")))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(json("deals-search-page2.json"))));
        wm.stubFor(post(urlPathEqualTo("/crm/v3/objects/deals/search")).atPriority(10)
                .withRequestBody(matchingJsonPath("$.filterGroups[0].filters[?(@.propertyName == 'dealstage')].values[*]"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(json("deals-search-page1.json"))));
        var page1 = hubspot.searchOpportunities(new OpportunityFilters("Closed Won", null, LocalDate.of(2025, 10, 1), null, null), 2, null);
        assertEquals(2, page1.items().size());
        assertEquals("2", page1.nextCursor());
        var renewal = page1.items().get(1);
        assertEquals("Closed Won", renewal.stage(), "a custom pipeline's won stage is 'Closed Won'");
        assertTrue(renewal.isWon() && renewal.isClosed());
        assertEquals(42000.5, renewal.amount());
        assertEquals(45, page1.items().get(0).salesCycleDays());
        assertEquals("512", page1.items().get(0).accountId(), "joined to its company through the associations API");
        assertEquals("512", renewal.accountId(), "the primary company wins over another association");
        var page2 = hubspot.searchOpportunities(new OpportunityFilters("Closed Won", null, LocalDate.of(2025, 10, 1), null, null), 2, "2");
        assertNull(page2.nextCursor());
        assertNull(page2.items().get(0).amount(), "an empty amount is no amount, not zero");
        var sent = wm.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlPathEqualTo("/crm/v3/objects/deals/search"))).get(0);
        String body = sent.getBodyAsString();
        assertTrue(body.contains("\"closedwon\"") && body.contains("\"17283946\"") && body.contains("\"1759276800000\""), body);
    }

    @Test
    void retries_a_429_honouring_retry_after_then_succeeds() throws IOException {
        wm.stubFor(get(urlPathEqualTo("/crm/v3/objects/companies/512")).inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2").withBody("{\"status\":\"error\",\"category\":\"RATE_LIMITS\"}"))
                .willSetStateTo("ok"));
        wm.stubFor(get(urlPathEqualTo("/crm/v3/objects/companies/512")).inScenario("limit").whenScenarioStateIs("ok")
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(json("company-512.json"))));
        assertEquals("Acme SaaS", hubspot.getAccount("512").name());
        assertEquals(List.of(Duration.ofSeconds(2)), sleeps);
    }

    @Test
    void a_500_is_retried_and_a_503_that_persists_ends_in_unavailable() throws IOException {
        wm.stubFor(get(urlPathEqualTo("/crm/v3/objects/companies/512")).inScenario("blip").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("ok"));
        wm.stubFor(get(urlPathEqualTo("/crm/v3/objects/companies/512")).inScenario("blip").whenScenarioStateIs("ok")
                .willReturn(aResponse().withBody(json("company-512.json"))));
        assertEquals("Acme SaaS", hubspot.getAccount("512").name());
        wm.stubFor(get(urlPathEqualTo("/crm/v3/objects/companies/7")).willReturn(aResponse().withStatus(503)));
        var e = assertThrows(CrmException.class, () -> hubspot.getAccount("7"));
        assertEquals(CrmException.Kind.UNAVAILABLE, e.kind());
        assertEquals(3, wm.countRequestsMatching(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlPathEqualTo("/crm/v3/objects/companies/7")).build()).getCount());
    }

    @Test
    void slow_answers_resets_and_malformed_json_end_in_clear_errors() {
        wm.stubFor(get(urlPathEqualTo("/crm/v3/objects/companies/slow")).willReturn(aResponse().withFixedDelay(2000).withBody("{}")));
        assertEquals(CrmException.Kind.UNAVAILABLE, assertThrows(CrmException.class, () -> hubspot.getAccount("slow")).kind());
        wm.stubFor(get(urlPathEqualTo("/crm/v3/objects/companies/reset")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertEquals(CrmException.Kind.UNAVAILABLE, assertThrows(CrmException.class, () -> hubspot.getAccount("reset")).kind());
        wm.stubFor(get(urlPathEqualTo("/crm/v3/objects/companies/bad")).willReturn(aResponse().withBody("{\"id\": \"1\", \"properties\": {")));
        var malformed = assertThrows(CrmException.class, () -> hubspot.getAccount("bad"));
        assertEquals(CrmException.Kind.UNAVAILABLE, malformed.kind());
        assertTrue(malformed.getMessage().contains("malformed JSON"), malformed.getMessage());
    }

    @Test
    void a_bad_token_is_an_auth_error_that_never_shows_the_token_in_errors_or_logs() throws IOException {
        wm.stubFor(get(urlPathEqualTo("/crm/v3/objects/companies/512")).willReturn(aResponse().withStatus(401).withBody(json("error-401.json"))));
        wm.stubFor(get(urlPathEqualTo("/crm/v3/objects/companies/9")).willReturn(aResponse().withStatus(503)));
        List<String> lines;
        CrmException e;
        try (LogCapture logs = new LogCapture()) {
            e = assertThrows(CrmException.class, () -> hubspot.getAccount("512"));
            for (int i = 0; i < 2; i++) {
                assertThrows(CrmException.class, () -> hubspot.getAccount("9"));  // retries, then failures logged
            }
            lines = logs.lines();
        }
        assertEquals(CrmException.Kind.AUTH, e.kind());
        assertFalse(e.getMessage().contains(TOKEN));
        assertTrue(sleeps.stream().noneMatch(d -> d.isZero()), "auth errors are not retried, outages are");
        assertFalse(lines.isEmpty(), "the capture saw VendorHttp's lines");
        lines.forEach(l -> assertFalse(l.contains(TOKEN), l));
    }

    @Test
    void an_update_retried_with_the_same_key_after_a_timeout_is_applied_once() throws IOException {
        // The deal reads as before the update until the (slow) PATCH has landed.
        wm.stubFor(get(urlPathEqualTo("/crm/v3/objects/deals/9001")).inScenario("write").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withBody(json("deal-9001.json"))));
        wm.stubFor(patch(urlPathEqualTo("/crm/v3/objects/deals/9001")).inScenario("write").whenScenarioStateIs(Scenario.STARTED)
                .withRequestBody(matchingJsonPath("$.properties.dealstage", equalTo("closedwon")))
                .willReturn(aResponse().withFixedDelay(1500).withBody(json("deal-9001.json").replace("qualifiedtobuy", "closedwon")))
                .willSetStateTo("landed"));
        wm.stubFor(get(urlPathEqualTo("/crm/v3/objects/deals/9001")).inScenario("write").whenScenarioStateIs("landed")
                .willReturn(aResponse().withBody(json("deal-9001.json").replace("qualifiedtobuy", "closedwon"))));
        var crm = new IdempotentCrm(hubspot, new MemoryUpdateLog(), "sales");
        var timeout = assertThrows(CrmException.class, () -> crm.updateOpportunity("9001", Map.of("stage", "Closed Won"), "key-1"));
        assertEquals(CrmException.Kind.UNAVAILABLE, timeout.kind());
        var retried = crm.updateOpportunity("9001", Map.of("stage", "Closed Won"), "key-1");
        var again = crm.updateOpportunity("9001", Map.of("stage", "Closed Won"), "key-1");
        assertTrue(retried.applied());
        assertEquals("Closed Won", retried.opportunity().stage());
        assertTrue(retried.note().contains("nothing was written"), "the retry found the earlier PATCH landed: " + retried.note());
        assertTrue(again.note().contains("already applied with this idempotency key"), again.note());
        var reused = assertThrows(CrmException.class, () -> crm.updateOpportunity("9001", Map.of("stage", "Closed Lost"), "key-1"));
        assertEquals(CrmException.Kind.INVALID_REQUEST, reused.kind(), "one key, one update");
        wm.verify(exactly(1), patchRequestedFor(urlPathEqualTo("/crm/v3/objects/deals/9001")));
    }

    @Test
    void the_circuit_opens_after_repeated_failures() {
        VendorHttp.Settings s = new VendorHttp.Settings(Duration.ofSeconds(1), Duration.ofMillis(500), 1, Duration.ofMillis(1),
                Duration.ofMillis(1), 2, Duration.ofMinutes(1));
        HubSpotAdapter fragile = new HubSpotAdapter(wm.baseUrl(), TOKEN, new VendorHttp("hubspot", s, d -> { }, Clock.systemUTC(),
                HubSpotAdapter.rules()), RateLimiter.unlimited(), 1);
        wm.stubFor(get(urlPathEqualTo("/crm/v3/objects/companies/x")).willReturn(aResponse().withStatus(503)));
        assertThrows(CrmException.class, () -> fragile.getAccount("x"));
        assertThrows(CrmException.class, () -> fragile.getAccount("x"));
        var open = assertThrows(CrmException.class, () -> fragile.getAccount("x"));
        assertTrue(open.getMessage().contains("circuit open"), open.getMessage());
        assertEquals(2, wm.countRequestsMatching(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlPathEqualTo("/crm/v3/objects/companies/x")).build()).getCount());
    }
}
