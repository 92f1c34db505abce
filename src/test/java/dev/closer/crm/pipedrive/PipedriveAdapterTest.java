package dev.closer.crm.pipedrive;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.closer.crm.AccountFilters;
import dev.closer.crm.CrmException;
import dev.closer.crm.MemoryUpdateLog;
import dev.closer.testing.LogCapture;
import dev.closer.crm.CrmOpportunity;
import dev.closer.crm.IdempotentCrm;
import dev.closer.crm.OpportunityFilters;
import dev.closer.crm.Page;
import dev.closer.crm.UpdateLog;
import dev.closer.crm.UpdateResult;
import dev.closer.crm.http.VendorHttp;
import dev.closer.tool.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Pipedrive API v2 played by WireMock in its real wire format; the API token is a canary. */
class PipedriveAdapterTest {

    private static final String TOKEN = "canary-pipedrive-token-4d21f9";
    /** Custom-field keys used by the fixtures (40-character hashes, as Pipedrive makes them). */
    private static final String INDUSTRY = "82e09a847adb34f184d44d4ef73af427a52554d9";
    private static final String REVENUE = "769749ec2502e7c6414152ec8ffbddab44c478e2";
    private static final String EMPLOYEES = "e0e14f7acaeee4c41de5a981b6ffbadc4c57789d";
    private static final String SECTOR = "1b8475474fee4c4b5d95351677595216eaedc06b";
    private static final String NEXT_STEP = "5c0f3e2d9b8a7c6d5e4f3a2b1c0d9e8f7a6b5c4d";

    private WireMockServer wm;
    private final List<Duration> sleeps = new ArrayList<>();
    private PipedriveAdapter pipedrive;

    private static String json(String name) throws IOException {
        return Files.readString(Path.of("src/test/resources/crm/pipedrive/__files/" + name));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder ok(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }

    @BeforeEach
    void start() throws IOException {
        wm = new WireMockServer(wireMockConfig().dynamicPort());
        wm.start();
        wm.stubFor(get(urlPathEqualTo("/api/v2/organizationFields")).willReturn(ok(json("organization-fields.json"))));
        wm.stubFor(get(urlPathEqualTo("/api/v2/stages")).willReturn(ok(json("stages.json"))));
        pipedrive = adapter(PipedriveAdapter.FieldKeys.NONE, Clock.systemUTC(), 3);
    }

    @AfterEach
    void stop() {
        wm.stop();
    }

    private PipedriveAdapter adapter(PipedriveAdapter.FieldKeys keys, Clock clock, int failureThreshold) {
        VendorHttp.Settings s = new VendorHttp.Settings(Duration.ofSeconds(2), Duration.ofMillis(800), 3, Duration.ofMillis(100),
                Duration.ofSeconds(5), failureThreshold, Duration.ofSeconds(30));
        return new PipedriveAdapter(wm.baseUrl(), TOKEN, keys, new VendorHttp("pipedrive", s, sleeps::add, clock, new PipedriveRules(clock)));
    }

    // --- custom fields -------------------------------------------------------------------------

    @Test
    void industry_revenue_and_employees_are_found_by_field_name_and_an_enum_option_id_reads_as_its_label() throws IOException {
        // Names as an account admin may have typed them: any case, stray spaces, the short forms.
        wm.stubFor(get(urlPathEqualTo("/api/v2/organizationFields")).willReturn(ok(json("organization-fields.json")
                .replace("\"Industry\"", "\"INDUSTRY\"").replace("\"Annual revenue\"", "\"revenue \"")
                .replace("\"Number of employees\"", "\"Employees\""))));
        wm.stubFor(get(urlPathEqualTo("/api/v2/organizations/101")).withHeader("x-api-token", equalTo(TOKEN))
                .willReturn(ok(json("organization-101.json"))));
        var a = pipedrive.getAccount("101");
        assertEquals("Technology", a.industry(), "option 31 of the Industry field");
        assertEquals(25_000_000.0, a.revenue(), "a monetary field's value");
        assertEquals(150, a.employeeCount());
        assertEquals("California", a.region(), "address.admin_area_level_1");
        assertEquals("pipedrive", a.source());
        pipedrive.getAccount("101");
        wm.verify(exactly(1), getRequestedFor(urlPathEqualTo("/api/v2/organizationFields")));
    }

    @Test
    void an_explicit_field_key_wins_over_names_and_works_even_when_the_fields_api_does_not_list_it() throws IOException {
        ObjectNode fields = (ObjectNode) Json.parse(json("organization-fields.json"));
        ObjectNode sector = ((ArrayNode) fields.get("data")).addObject().put("field_name", "Sector").put("field_code", SECTOR)
                .put("field_type", "enum").put("is_custom_field", true).put("is_optional_response_field", false);
        sector.putArray("options").addObject().put("id", 41).put("label", "Software");
        wm.stubFor(get(urlPathEqualTo("/api/v2/organizationFields")).willReturn(ok(Json.write(fields))));
        ObjectNode org = (ObjectNode) Json.parse(json("organization-101.json"));
        ObjectNode custom = (ObjectNode) org.get("data").get("custom_fields");
        custom.put(SECTOR, 41);
        String unlisted = "00aa11bb22cc33dd44ee55ff66aa77bb88cc99dd";
        custom.put(unlisted, 310);
        wm.stubFor(get(urlPathEqualTo("/api/v2/organizations/101")).willReturn(ok(Json.write(org))));

        var a = adapter(new PipedriveAdapter.FieldKeys(SECTOR, null, unlisted, null, null), Clock.systemUTC(), 3).getAccount("101");
        assertEquals("Software", a.industry(), "the configured Sector field, not the field named Industry");
        assertEquals(25_000_000.0, a.revenue(), "found by name");
        assertEquals(310, a.employeeCount(), "a configured key the fields listing does not show is still read");
    }

    @Test
    void an_account_without_those_fields_has_no_industry_revenue_or_employees_rather_than_failing() throws IOException {
        wm.stubFor(get(urlPathEqualTo("/api/v2/organizationFields")).willReturn(ok("{\"success\":true,\"data\":[],\"additional_data\":{\"next_cursor\":null}}")));
        wm.stubFor(get(urlPathEqualTo("/api/v2/organizations/101")).willReturn(ok(json("organization-101.json"))));
        var a = pipedrive.getAccount("101");
        assertEquals("Acme SaaS", a.name());
        assertNull(a.industry());
        assertNull(a.revenue());
        assertNull(a.employeeCount());
    }

    // --- close-date filtering across vendor pages -----------------------------------------------

    private static String deal(long id, String expectedClose) throws IOException {
        ObjectNode d = (ObjectNode) Json.parse(json("deal-2003.json")).get("data");
        d.put("id", id).put("title", "Deal " + id).put("expected_close_date", expectedClose);
        return Json.write(d);
    }

    private static String page(String next, String... deals) {
        return "{\"success\":true,\"data\":[" + String.join(",", deals) + "],\"additional_data\":{\"next_cursor\":"
                + (next == null ? "null" : "\"" + next + "\"") + "}}";
    }

    private void stubDealsPage(String cursor, String body) {
        MappingBuilder m = get(urlPathEqualTo("/api/v2/deals"));
        m = cursor == null ? m.withQueryParam("cursor", absent()) : m.withQueryParam("cursor", equalTo(cursor));
        wm.stubFor(m.willReturn(ok(body)));
    }

    private void stubThreeDealPages() throws IOException {
        stubDealsPage(null, page("cA", deal(3001, "2025-12-20"), deal(3002, "2026-01-10"), deal(3003, "2026-03-02")));
        stubDealsPage("cA", page("cB", deal(3004, "2026-01-05"), deal(3005, "2026-01-20"), deal(3006, "2026-02-14")));
        stubDealsPage("cB", page(null, deal(3007, "2026-01-31"), deal(3008, "2026-01-01")));
    }

    private static final OpportunityFilters JANUARY = new OpportunityFilters(null, null, LocalDate.of(2026, 1, 1),
            LocalDate.of(2026, 1, 31), null);

    private static List<String> ids(Page<CrmOpportunity> p) {
        return p.items().stream().map(CrmOpportunity::id).toList();
    }

    @Test
    void a_close_date_filter_reads_vendor_pages_until_the_page_is_full_and_the_cursor_resumes_exactly_there() throws IOException {
        stubThreeDealPages();
        var first = pipedrive.searchOpportunities(JANUARY, 2, null);
        assertEquals(List.of("3002", "3004"), ids(first), "one match from the first vendor page, one from the second");
        assertNotNull(first.nextCursor(), "3005 is still to come, in the middle of the second vendor page");

        var second = pipedrive.searchOpportunities(JANUARY, 2, first.nextCursor());
        assertEquals(List.of("3005", "3007"), ids(second), "resumes at 3005 (not at 3006, not at 3004 again)");
        var third = pipedrive.searchOpportunities(JANUARY, 2, second.nextCursor());
        assertEquals(List.of("3008"), ids(third), "both ends of the range are inclusive");
        assertNull(third.nextCursor(), "the vendor has no more pages and nothing else matched");

        // The second vendor page was read twice: the cursor named it, not the page after it.
        wm.verify(exactly(2), getRequestedFor(urlPathEqualTo("/api/v2/deals")).withQueryParam("cursor", equalTo("cA")));
        // Filtering here reads big pages, in a stable order.
        wm.verify(getRequestedFor(urlPathEqualTo("/api/v2/deals")).withQueryParam("limit", equalTo("100"))
                .withQueryParam("sort_by", equalTo("id")).withQueryParam("sort_direction", equalTo("asc")));
    }

    @Test
    void a_resume_point_deleted_in_between_moves_on_to_the_next_id_and_a_different_limit_is_fine() throws IOException {
        stubThreeDealPages();
        var first = pipedrive.searchOpportunities(JANUARY, 2, null);
        // 3005, where the next page was to start, is deleted before the caller comes back.
        stubDealsPage("cA", page("cB", deal(3004, "2026-01-05"), deal(3006, "2026-02-14")));
        var rest = pipedrive.searchOpportunities(JANUARY, 10, first.nextCursor());
        assertEquals(List.of("3007", "3008"), ids(rest), "3004 is not repeated; the first id after 3005 is where it goes on");
        assertNull(rest.nextCursor());
    }

    @Test
    void a_cursor_this_adapter_did_not_issue_is_an_invalid_request() {
        var e = assertThrows(CrmException.class, () -> pipedrive.searchOpportunities(JANUARY, 2, "not-a-cursor"));
        assertEquals(CrmException.Kind.INVALID_REQUEST, e.kind());
    }

    @Test
    void stage_names_become_status_or_stage_id_and_an_unknown_stage_lists_the_known_ones() throws IOException {
        wm.stubFor(get(urlPathEqualTo("/api/v2/deals")).withQueryParam("status", equalTo("open")).withQueryParam("stage_id", equalTo("2"))
                .willReturn(ok(page(null, Json.write(Json.parse(json("deal-2003.json")).get("data"))))));
        var page = pipedrive.searchOpportunities(new OpportunityFilters("qualified", null, null, null, null), 10, null);
        assertEquals(List.of("2003"), ids(page));
        assertEquals("Qualified", page.items().get(0).stage());
        var e = assertThrows(CrmException.class, () -> pipedrive.searchOpportunities(
                new OpportunityFilters("Demo booked", null, null, null, null), 10, null));
        assertEquals(CrmException.Kind.INVALID_REQUEST, e.kind());
        assertTrue(e.getMessage().contains("\"Proposal Made\""), e.getMessage());
    }

    @Test
    void an_accounts_region_and_industry_are_filtered_here_over_the_organizations_list() throws IOException {
        String acme = Json.write(Json.parse(json("organization-101.json")).get("data"));
        String oldco = Json.write(Json.parse(json("organization-102.json")).get("data"));
        wm.stubFor(get(urlPathEqualTo("/api/v2/organizations")).willReturn(ok(
                "{\"success\":true,\"data\":[" + oldco + "," + acme + "],\"additional_data\":{\"next_cursor\":null}}")));
        var page = pipedrive.searchAccounts(new AccountFilters(null, "technology", "california"), 5, null);
        assertEquals(List.of("101"), page.items().stream().map(a -> a.id()).toList());
        assertNull(page.nextCursor());
    }

    // --- faults --------------------------------------------------------------------------------

    @Test
    void a_429_waits_as_long_as_pipedrives_rate_limit_headers_say() throws IOException {
        wm.stubFor(get(urlPathEqualTo("/api/v2/organizations/101")).inScenario("burst").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("x-ratelimit-limit", "40").withHeader("x-ratelimit-remaining", "0")
                        .withHeader("x-ratelimit-reset", "2").withHeader("Content-Type", "application/json")
                        .withBody("{\"success\":false,\"error\":\"Request over limit\",\"error_info\":\"Please check developers.pipedrive.com\"}"))
                .willSetStateTo("ok"));
        wm.stubFor(get(urlPathEqualTo("/api/v2/organizations/101")).inScenario("burst").whenScenarioStateIs("ok")
                .willReturn(ok(json("organization-101.json"))));
        assertEquals("Acme SaaS", pipedrive.getAccount("101").name());
        assertEquals(List.of(Duration.ofSeconds(2)), sleeps, "x-ratelimit-reset, not a guessed backoff");
    }

    @Test
    void a_429_with_the_days_allowance_spent_waits_for_midnight_utc() throws IOException {
        Clock late = Clock.fixed(Instant.parse("2026-01-20T23:59:57Z"), ZoneOffset.UTC);
        PipedriveAdapter p = adapter(PipedriveAdapter.FieldKeys.NONE, late, 3);
        wm.stubFor(get(urlPathEqualTo("/api/v2/organizations/101")).inScenario("daily").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("x-ratelimit-remaining", "38").withHeader("x-ratelimit-reset", "1")
                        .withHeader("x-daily-requests-left", "0")).willSetStateTo("ok"));
        wm.stubFor(get(urlPathEqualTo("/api/v2/organizations/101")).inScenario("daily").whenScenarioStateIs("ok")
                .willReturn(ok(json("organization-101.json"))));
        p.getAccount("101");
        assertEquals(List.of(Duration.ofSeconds(3)), sleeps);
    }

    @Test
    void a_500_is_retried_and_then_succeeds() throws IOException {
        wm.stubFor(get(urlPathEqualTo("/api/v2/deals/2003")).inScenario("blip").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("ok"));
        wm.stubFor(get(urlPathEqualTo("/api/v2/deals/2003")).inScenario("blip").whenScenarioStateIs("ok")
                .willReturn(ok(json("deal-2003.json"))));
        assertEquals(80_000.0, pipedrive.getOpportunity("2003").amount());
        assertEquals(1, sleeps.size());
    }

    @Test
    void a_503_that_persists_is_unavailable_after_every_attempt() {
        wm.stubFor(get(urlPathEqualTo("/api/v2/deals/2003")).willReturn(aResponse().withStatus(503)));
        var e = assertThrows(CrmException.class, () -> pipedrive.getOpportunity("2003"));
        assertEquals(CrmException.Kind.UNAVAILABLE, e.kind());
        wm.verify(exactly(3), getRequestedFor(urlPathEqualTo("/api/v2/deals/2003")));
    }

    @Test
    void an_answer_slower_than_the_read_timeout_is_unavailable() throws IOException {
        wm.stubFor(get(urlPathEqualTo("/api/v2/deals/2003")).willReturn(ok(json("deal-2003.json")).withFixedDelay(1500)));
        assertEquals(CrmException.Kind.UNAVAILABLE, assertThrows(CrmException.class, () -> pipedrive.getOpportunity("2003")).kind());
    }

    @Test
    void a_connection_reset_is_unavailable() {
        wm.stubFor(get(urlPathEqualTo("/api/v2/deals/2003")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertEquals(CrmException.Kind.UNAVAILABLE, assertThrows(CrmException.class, () -> pipedrive.getOpportunity("2003")).kind());
    }

    @Test
    void malformed_json_is_a_crm_exception_not_a_parser_exception() {
        wm.stubFor(get(urlPathEqualTo("/api/v2/deals/2003")).willReturn(ok("{\"success\": true, \"data\": {\"id\": 2003, \"title\": ")));
        var cut = assertThrows(RuntimeException.class, () -> pipedrive.getOpportunity("2003"));
        assertEquals(CrmException.class, cut.getClass(), "not " + cut.getClass().getName());
        assertEquals(CrmException.Kind.UNAVAILABLE, ((CrmException) cut).kind());
        wm.stubFor(get(urlPathEqualTo("/api/v2/deals")).willReturn(ok("<html><body>Bad gateway</body></html>")));
        var html = assertThrows(RuntimeException.class, () -> pipedrive.searchOpportunities(JANUARY, 5, null));
        assertEquals(CrmException.class, html.getClass(), "not " + html.getClass().getName());
    }

    @Test
    void a_refused_token_is_an_auth_error_never_retried() throws IOException {
        wm.stubFor(get(urlPathEqualTo("/api/v2/organizations/101")).willReturn(aResponse().withStatus(401).withBody(json("error-401.json"))));
        var e = assertThrows(CrmException.class, () -> pipedrive.getAccount("101"));
        assertEquals(CrmException.Kind.AUTH, e.kind());
        assertTrue(sleeps.isEmpty(), "auth errors are not retried");
    }

    @Test
    void pipedrive_specific_refusals_are_classified_by_their_meaning() {
        wm.stubFor(get(urlPathEqualTo("/api/v2/deals/1")).willReturn(aResponse().withStatus(402)
                .withBody("{\"success\":false,\"error\":\"Company account is not open\"}")));
        assertEquals(CrmException.Kind.AUTH, assertThrows(CrmException.class, () -> pipedrive.getOpportunity("1")).kind());
        wm.stubFor(get(urlPathEqualTo("/api/v2/deals/2")).willReturn(aResponse().withStatus(403).withHeader("Content-Type", "text/html")
                .withBody("<html><title>Access denied</title>This error is produced by Cloudflare.</html>")));
        assertEquals(CrmException.Kind.RATE_LIMITED, assertThrows(CrmException.class, () -> pipedrive.getOpportunity("2")).kind());
    }

    // --- updates -------------------------------------------------------------------------------

    @Test
    void an_update_patches_only_the_fields_that_differ_in_pipedrives_names() throws IOException {
        wm.stubFor(get(urlPathEqualTo("/api/v2/deals/2003")).willReturn(ok(json("deal-2003.json"))));
        wm.stubFor(patch(urlPathEqualTo("/api/v2/deals/2003"))
                .withRequestBody(equalToJson("{\"title\":\"Acme expansion (EU)\",\"status\":\"won\",\"expected_close_date\":\"2026-03-31\","
                        + "\"probability\":60,\"custom_fields\":{\"" + SECTOR + "\":\"Referral\"}}"))
                .willReturn(ok(json("deal-2003.json").replace("\"open\"", "\"won\"").replace("\"won_time\": null", "\"won_time\": \"2026-01-21T10:00:00Z\""))));
        Map<String, Object> updates = new LinkedHashMap<>();
        updates.put("amount", 80000);                  // unchanged: not sent
        updates.put("name", "Acme expansion (EU)");
        updates.put("stage", "Closed Won");
        updates.put("close_date", "2026-03-31");
        updates.put(SECTOR, "Referral");               // a custom field by its key
        updates.put("probability", 60);                // a Pipedrive deal field by its API name
        UpdateResult r = pipedrive.updateOpportunity("2003", updates, null);
        assertTrue(r.applied());
        assertEquals(List.of(SECTOR, "close_date", "name", "probability", "stage"), List.copyOf(r.changes().keySet()));
        assertEquals(new UpdateResult.Change("Qualified", "Closed Won"), r.changes().get("stage"));
        assertEquals(new UpdateResult.Change("2026-02-27", "2026-03-31"), r.changes().get("close_date"));
        assertEquals("Closed Won", r.opportunity().stage());
        wm.verify(exactly(1), patchRequestedFor(urlPathEqualTo("/api/v2/deals/2003")));
    }

    @Test
    void an_update_with_nothing_to_change_writes_nothing_and_says_so() throws IOException {
        wm.stubFor(get(urlPathEqualTo("/api/v2/deals/2003")).willReturn(ok(json("deal-2003.json"))));
        UpdateResult r = pipedrive.updateOpportunity("2003", Map.of("amount", 80000.0, "stage", "Qualified", "close_date", "2026-02-27"), null);
        assertTrue(r.applied(), "the deal holds the requested values");
        assertTrue(r.changes().isEmpty());
        assertTrue(r.note().contains("nothing was written"), r.note());
        wm.verify(exactly(0), patchRequestedFor(urlPathEqualTo("/api/v2/deals/2003")));
    }

    @Test
    void next_step_is_refused_naming_what_is_supported_unless_it_is_mapped_to_a_custom_field() throws IOException {
        var e = assertThrows(CrmException.class, () -> pipedrive.updateOpportunity("2003", Map.of("next_step", "Send proposal"), null));
        assertEquals(CrmException.Kind.INVALID_REQUEST, e.kind());
        assertTrue(e.getMessage().contains("PIPEDRIVE_FIELD_NEXT_STEP") && e.getMessage().contains("stage, amount, close_date, name"),
                e.getMessage());
        assertEquals(0, wm.getAllServeEvents().stream().filter(s -> s.getRequest().getUrl().startsWith("/api/v2/deals")).count(),
                "refused before anything was read or written");

        wm.stubFor(get(urlPathEqualTo("/api/v2/deals/2003")).willReturn(ok(json("deal-2003.json"))));
        wm.stubFor(patch(urlPathEqualTo("/api/v2/deals/2003"))
                .withRequestBody(equalToJson("{\"custom_fields\":{\"" + NEXT_STEP + "\":\"Send proposal\"}}"))
                .willReturn(ok(json("deal-2003.json"))));
        PipedriveAdapter mapped = adapter(new PipedriveAdapter.FieldKeys(null, null, null, NEXT_STEP, null), Clock.systemUTC(), 3);
        UpdateResult r = mapped.updateOpportunity("2003", Map.of("next_step", "Send proposal"), null);
        assertEquals(new UpdateResult.Change(null, "Send proposal"), r.changes().get("next_step"));
    }

    @Test
    void an_update_retried_after_its_patch_timed_out_is_applied_exactly_once() throws IOException {
        // The deal reads as before the update until the slow PATCH has landed.
        wm.stubFor(get(urlPathEqualTo("/api/v2/deals/2003")).inScenario("write").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(ok(json("deal-2003.json"))));
        wm.stubFor(patch(urlPathEqualTo("/api/v2/deals/2003")).inScenario("write").whenScenarioStateIs(Scenario.STARTED)
                .withRequestBody(equalToJson("{\"value\":95000}"))
                .willReturn(ok(json("deal-2003-amount-95000.json")).withFixedDelay(1500)).willSetStateTo("landed"));
        wm.stubFor(get(urlPathEqualTo("/api/v2/deals/2003")).inScenario("write").whenScenarioStateIs("landed")
                .willReturn(ok(json("deal-2003-amount-95000.json"))));
        IdempotentCrm crm = new IdempotentCrm(pipedrive, new MemoryUpdateLog(), "sales");

        var timeout = assertThrows(CrmException.class, () -> crm.updateOpportunity("2003", Map.of("amount", 95000), "key-1"));
        assertEquals(CrmException.Kind.UNAVAILABLE, timeout.kind());
        assertTrue(sleeps.isEmpty(), "a write is not retried on a timeout");
        var retried = crm.updateOpportunity("2003", Map.of("amount", 95000), "key-1");
        assertEquals(95_000.0, retried.opportunity().amount());
        assertTrue(retried.changes().isEmpty(), "the re-read found the amount already written");
        var again = crm.updateOpportunity("2003", Map.of("amount", 95000), "key-1");
        assertTrue(again.note().contains("already applied with this idempotency key"), again.note());
        wm.verify(exactly(1), patchRequestedFor(urlPathEqualTo("/api/v2/deals/2003")));
    }

    // --- the token -----------------------------------------------------------------------------

    @Test
    void the_api_token_appears_in_no_error_message_and_no_log_line() throws IOException {
        List<Throwable> errors = new ArrayList<>();
        List<String> lines;
        try (LogCapture logs = new LogCapture()) {
            PipedriveAdapter fragile = adapter(PipedriveAdapter.FieldKeys.NONE, Clock.systemUTC(), 2);
            wm.stubFor(get(urlPathEqualTo("/api/v2/organizations/101")).willReturn(ok(json("organization-101.json"))));
            fragile.getAccount("101"); // logs which custom fields it chose
            wm.stubFor(get(urlPathEqualTo("/api/v2/deals/1")).willReturn(aResponse().withStatus(401).withBody(json("error-401.json"))));
            wm.stubFor(get(urlPathEqualTo("/api/v2/deals/2")).willReturn(aResponse().withStatus(404).withBody(json("error-404-deal.json"))));
            wm.stubFor(get(urlPathEqualTo("/api/v2/deals/3")).willReturn(ok("{\"success\": tr")));
            wm.stubFor(get(urlPathEqualTo("/api/v2/deals/4")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
            wm.stubFor(get(urlPathEqualTo("/api/v2/deals/5")).willReturn(aResponse().withStatus(503)));
            List<Executable> calls = List.of(() -> pipedrive.getOpportunity("1"), () -> pipedrive.getOpportunity("2"),
                    () -> pipedrive.getOpportunity("3"), () -> pipedrive.getOpportunity("4"),
                    () -> pipedrive.updateOpportunity("1", Map.of("amount", 1), "k"),
                    () -> pipedrive.searchOpportunities(JANUARY, 2, "bogus"),
                    // two failures open the circuit (a WARN line), the third is refused by it
                    () -> fragile.getOpportunity("5"), () -> fragile.getOpportunity("5"), () -> fragile.getOpportunity("5"));
            for (Executable call : calls) {
                errors.add(assertThrows(CrmException.class, call));
            }
            lines = logs.lines();
        }
        for (Throwable error : errors) {
            for (Throwable t = error; t != null; t = t.getCause()) {
                assertFalse(String.valueOf(t).contains(TOKEN), String.valueOf(t));
            }
        }
        assertTrue(lines.stream().anyMatch(l -> l.contains("organization fields")), "the capture saw the adapter");
        assertTrue(lines.stream().anyMatch(l -> l.contains("consecutive failures")), "and VendorHttp");
        lines.forEach(l -> assertFalse(l.contains(TOKEN), l));
        assertFalse(pipedrive.toString().contains(TOKEN));
    }

    // --- configuration -------------------------------------------------------------------------

    @Test
    void the_environment_gives_the_token_base_url_and_field_keys_or_no_adapter_at_all() throws IOException {
        assertNull(PipedriveAdapter.fromEnvironment(Map.of(), Clock.systemUTC()));
        assertNull(PipedriveAdapter.fromEnvironment(Map.of("PIPEDRIVE_API_TOKEN", "  "), Clock.systemUTC()));
        assertEquals("https://api.pipedrive.com", PipedriveAdapter.baseUrl(Map.of()));
        assertEquals("https://acme.pipedrive.com", PipedriveAdapter.baseUrl(Map.of("PIPEDRIVE_COMPANY_DOMAIN", "acme")));
        assertEquals("https://acme.pipedrive.com", PipedriveAdapter.baseUrl(Map.of("PIPEDRIVE_COMPANY_DOMAIN", "https://acme.pipedrive.com/")));
        assertEquals("http://proxy:8080", PipedriveAdapter.baseUrl(Map.of("PIPEDRIVE_BASE_URL", "http://proxy:8080",
                "PIPEDRIVE_COMPANY_DOMAIN", "acme")));
        assertThrows(IllegalArgumentException.class, () -> PipedriveAdapter.baseUrl(Map.of("PIPEDRIVE_COMPANY_DOMAIN", "acme/../evil")));

        // The guide's PIPEDRIVE_API_KEY works too, sent as the x-api-token header; field keys come along.
        ObjectNode org = (ObjectNode) Json.parse(json("organization-101.json"));
        ((ObjectNode) org.get("data").get("custom_fields")).put(SECTOR, 33);
        wm.stubFor(get(urlPathEqualTo("/api/v2/organizations/101")).withHeader("x-api-token", equalTo("env-key-7"))
                .willReturn(ok(Json.write(org))));
        PipedriveAdapter fromEnv = PipedriveAdapter.fromEnvironment(Map.of("PIPEDRIVE_API_KEY", "env-key-7",
                "PIPEDRIVE_BASE_URL", wm.baseUrl(), "PIPEDRIVE_FIELD_INDUSTRY", SECTOR), Clock.systemUTC());
        assertEquals("pipedrive", fromEnv.name());
        assertEquals("33", fromEnv.getAccount("101").industry(), "an unlisted configured enum shows its raw option id");
    }
}
