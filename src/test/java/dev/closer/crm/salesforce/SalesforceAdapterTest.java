package dev.closer.crm.salesforce;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
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
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.closer.crm.AccountFilters;
import dev.closer.crm.CrmException;
import dev.closer.testing.LogCapture;
import dev.closer.crm.IdempotentCrm;
import dev.closer.crm.OpportunityFilters;
import dev.closer.crm.http.VendorHttp;
import dev.closer.store.Database;
import dev.closer.store.SqliteCrmUpdates;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Salesforce's faults, played by WireMock in its wire format: both sign-in flows, an expired
 * session, the daily API limit, 429/5xx/slow/reset/garbled answers, SOQL escaping, split query
 * results, describe-discovered fields and updates. Credentials are canaries that must never show.
 */
class SalesforceAdapterTest {

    static final String V = "/services/data/v66.0";
    static final String ACME = "001Dn00000A1cMeIAB";
    static final String OPEN = "006Dn00000C5oPnIAA";
    static final String CLIENT_ID = "3MVG9testClientId";
    static final String CLIENT_SECRET = "canary-client-secret-1b7d";
    static final String PASSWORD = "canary-p@ss&word=9c";
    static final String SECURITY_TOKEN = "canarySecTok5e0f";
    static final String TOKEN = "00DDn00000Cl0sE!canary-access-token-3a9";

    private WireMockServer wm;
    private final List<Duration> sleeps = new ArrayList<>();
    private SalesforceAdapter salesforce;

    static String file(String name) throws IOException {
        return Files.readString(Path.of("src/test/resources/crm/salesforce/__files/" + name));
    }

    @BeforeEach
    void start() throws IOException {
        wm = new WireMockServer(wireMockConfig().dynamicPort());
        wm.start();
        stubToken(TOKEN);
        wm.stubFor(get(urlPathEqualTo(V + "/sobjects/Opportunity/describe")).willReturn(okJson(file("opportunity-describe.json"))));
        salesforce = clientCredentials();
    }

    @AfterEach
    void stop() {
        wm.stop();
    }

    void stubToken(String accessToken) {
        wm.stubFor(post(urlPathEqualTo("/services/oauth2/token")).willReturn(okJson(tokenJson(accessToken))));
    }

    String tokenJson(String accessToken) {
        return "{\"access_token\":\"" + accessToken + "\",\"instance_url\":\"" + wm.baseUrl() + "\",\"id\":"
                + "\"https://login.salesforce.com/id/00DDn00000Cl0sEMAR/005Dn00000E8oWnIAE\",\"token_type\":\"Bearer\","
                + "\"issued_at\":\"1767225600000\",\"signature\":\"m5bM0xVd1u8C4sV7Yc3bJjOe0Q2pQ4xwT0v8o0W6bYk=\"}";
    }

    VendorHttp http() {
        VendorHttp.Settings s = new VendorHttp.Settings(Duration.ofSeconds(2), Duration.ofMillis(800), 3, Duration.ofMillis(100),
                Duration.ofSeconds(5), 5, Duration.ofSeconds(30));
        return SalesforceRules.http(s, sleeps::add, Clock.systemUTC());
    }

    SalesforceAdapter clientCredentials() {
        return new SalesforceAdapter(new SalesforceConfig(wm.baseUrl(), null, CLIENT_ID, CLIENT_SECRET, null, null, null), http());
    }

    SalesforceAdapter passwordFlow() {
        return new SalesforceAdapter(new SalesforceConfig(wm.baseUrl(), "66.0", CLIENT_ID, CLIENT_SECRET, "rep@closer.dev",
                PASSWORD, SECURITY_TOKEN), http());
    }

    void stubAcme() throws IOException {
        wm.stubFor(get(urlPathEqualTo(V + "/sobjects/Account/" + ACME)).willReturn(okJson(file("account-acme.json"))));
    }

    static Map<String, String> form(LoggedRequest r) {
        return Arrays.stream(r.getBodyAsString().split("&")).map(p -> p.split("=", 2)).collect(Collectors.toMap(
                p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8), p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
    }

    /** The SOQL of every query WireMock received, decoded. */
    List<String> queries() {
        return wm.findAll(getRequestedFor(urlPathEqualTo(V + "/query"))).stream()
                .map(r -> r.queryParameter("q").firstValue()).toList();
    }

    int tokenRequests() {
        return wm.countRequestsMatching(postRequestedFor(urlPathEqualTo("/services/oauth2/token")).build()).getCount();
    }

    @Test
    void the_client_credentials_flow_posts_a_form_and_calls_the_instance_it_is_given() throws IOException {
        stubAcme();
        assertEquals("Acme SaaS", salesforce.getAccount(ACME).name());
        LoggedRequest token = wm.findAll(postRequestedFor(urlPathEqualTo("/services/oauth2/token"))).get(0);
        assertTrue(token.getHeader("Content-Type").startsWith("application/x-www-form-urlencoded"), token.getHeader("Content-Type"));
        assertEquals(Map.of("grant_type", "client_credentials", "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET), form(token));
        wm.verify(getRequestedFor(urlPathEqualTo(V + "/sobjects/Account/" + ACME))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withQueryParam("fields", equalTo("Id,Name,Industry,AnnualRevenue,NumberOfEmployees,BillingState")));
    }

    @Test
    void the_password_flow_appends_the_security_token_to_the_password() throws IOException {
        stubAcme();
        passwordFlow().getAccount(ACME);
        assertEquals(Map.of("grant_type", "password", "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET,
                "username", "rep@closer.dev", "password", PASSWORD + SECURITY_TOKEN),
                form(wm.findAll(postRequestedFor(urlPathEqualTo("/services/oauth2/token"))).get(0)));
        assertEquals(1, tokenRequests());
    }

    @Test
    void an_expired_session_signs_in_once_more_and_repeats_the_call() throws IOException {
        wm.stubFor(post(urlPathEqualTo("/services/oauth2/token")).inScenario("session").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(tokenJson("00Dold!expired"))).willSetStateTo("renewed"));
        wm.stubFor(post(urlPathEqualTo("/services/oauth2/token")).inScenario("session").whenScenarioStateIs("renewed")
                .willReturn(okJson(tokenJson(TOKEN))));
        wm.stubFor(get(urlPathEqualTo(V + "/sobjects/Account/" + ACME)).withHeader("Authorization", equalTo("Bearer 00Dold!expired"))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]")));
        wm.stubFor(get(urlPathEqualTo(V + "/sobjects/Account/" + ACME)).withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .willReturn(okJson(file("account-acme.json"))));
        assertEquals("Acme SaaS", salesforce.getAccount(ACME).name());
        assertEquals(2, tokenRequests(), "the first sign-in and exactly one renewal");
        assertTrue(sleeps.isEmpty(), "a renewal is not a retry with backoff");
    }

    @Test
    void a_session_refused_again_after_signing_in_is_an_auth_error() {
        wm.stubFor(get(urlPathEqualTo(V + "/sobjects/Account/" + ACME)).willReturn(aResponse().withStatus(401)
                .withBody("[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]")));
        var e = assertThrows(CrmException.class, () -> salesforce.getAccount(ACME));
        assertEquals(CrmException.Kind.AUTH, e.kind());
        assertTrue(e.getMessage().contains("INVALID_SESSION_ID: Session expired or invalid"), e.getMessage());
        assertEquals(2, tokenRequests());
    }

    @Test
    void a_refused_sign_in_is_an_auth_error_in_salesforces_words() {
        wm.stubFor(post(urlPathEqualTo("/services/oauth2/token")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"authentication failure\"}")));
        var e = assertThrows(CrmException.class, () -> passwordFlow().getAccount(ACME));
        assertEquals(CrmException.Kind.AUTH, e.kind());
        assertTrue(e.getMessage().contains("invalid_grant: authentication failure"), e.getMessage());
        assertTrue(sleeps.isEmpty(), "a refused sign-in is not retried");
    }

    @Test
    void the_daily_api_limit_is_retried_then_reported_as_a_rate_limit_not_an_auth_error() {
        wm.stubFor(get(urlPathEqualTo(V + "/sobjects/Account/" + ACME)).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json").withHeader("Sforce-Limit-Info", "api-usage=100012/100000")
                .withBody("[{\"message\":\"TotalRequests Limit exceeded.\",\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]")));
        var e = assertThrows(CrmException.class, () -> salesforce.getAccount(ACME));
        assertEquals(CrmException.Kind.RATE_LIMITED, e.kind());
        assertTrue(e.getMessage().contains("REQUEST_LIMIT_EXCEEDED: TotalRequests Limit exceeded."), e.getMessage());
        assertEquals(3, wm.countRequestsMatching(getRequestedFor(urlPathEqualTo(V + "/sobjects/Account/" + ACME)).build()).getCount());
        assertEquals(2, sleeps.size(), "backoff between the three attempts");
        assertEquals(1, tokenRequests(), "a rate limit does not look like an expired session");
    }

    @Test
    void a_429_is_retried_after_its_retry_after() throws IOException {
        wm.stubFor(get(urlPathEqualTo(V + "/sobjects/Account/" + ACME)).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")).willSetStateTo("ok"));
        wm.stubFor(get(urlPathEqualTo(V + "/sobjects/Account/" + ACME)).inScenario("busy").whenScenarioStateIs("ok")
                .willReturn(okJson(file("account-acme.json"))));
        assertEquals(25_000_000.0, salesforce.getAccount(ACME).revenue());
        assertEquals(List.of(Duration.ofSeconds(2)), sleeps);
    }

    @Test
    void a_500_is_retried_and_a_503_that_persists_ends_in_unavailable() throws IOException {
        wm.stubFor(get(urlPathEqualTo(V + "/sobjects/Account/" + ACME)).inScenario("blip").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500).withBody("[{\"message\":\"An unexpected error occurred.\",\"errorCode\":\"UNKNOWN_EXCEPTION\"}]"))
                .willSetStateTo("ok"));
        wm.stubFor(get(urlPathEqualTo(V + "/sobjects/Account/" + ACME)).inScenario("blip").whenScenarioStateIs("ok")
                .willReturn(okJson(file("account-acme.json"))));
        assertEquals("Acme SaaS", salesforce.getAccount(ACME).name());
        String down = "001Dn00000DoWnNIAB";
        wm.stubFor(get(urlPathEqualTo(V + "/sobjects/Account/" + down)).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "text/html").withBody("<html><body>Service Unavailable</body></html>")));
        var e = assertThrows(CrmException.class, () -> salesforce.getAccount(down));
        assertEquals(CrmException.Kind.UNAVAILABLE, e.kind());
        assertEquals(3, wm.countRequestsMatching(getRequestedFor(urlPathEqualTo(V + "/sobjects/Account/" + down)).build()).getCount());
    }

    @Test
    void an_answer_slower_than_the_read_timeout_is_unavailable() {
        wm.stubFor(get(urlPathEqualTo(V + "/sobjects/Account/" + ACME)).willReturn(okJson("{}").withFixedDelay(1500)));
        var e = assertThrows(CrmException.class, () -> salesforce.getAccount(ACME));
        assertEquals(CrmException.Kind.UNAVAILABLE, e.kind());
        assertTrue(e.getMessage().contains("did not answer within 800 ms"), e.getMessage());
    }

    @Test
    void a_connection_reset_is_unavailable() {
        wm.stubFor(get(urlPathEqualTo(V + "/sobjects/Account/" + ACME)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertEquals(CrmException.Kind.UNAVAILABLE, assertThrows(CrmException.class, () -> salesforce.getAccount(ACME)).kind());
    }

    @Test
    void a_body_that_is_not_json_is_a_crm_error_not_a_parser_exception() {
        wm.stubFor(get(urlPathEqualTo(V + "/sobjects/Account/" + ACME)).willReturn(okJson("{\"Id\": \"" + ACME + "\", \"Name\": ")));
        var e = assertThrows(CrmException.class, () -> salesforce.getAccount(ACME));
        assertEquals(CrmException.Kind.UNAVAILABLE, e.kind());
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
        assertNull(e.getCause(), "no parser exception (with the body inside) rides along");

        wm.stubFor(post(urlPathEqualTo("/services/oauth2/token")).willReturn(aResponse().withStatus(200).withBody("<html>login</html>")));
        var token = assertThrows(CrmException.class, () -> passwordFlow().getAccount(ACME));
        assertEquals(CrmException.Kind.UNAVAILABLE, token.kind());
    }

    @Test
    void a_name_with_quotes_and_backslashes_stays_inside_its_soql_literal() {
        wm.stubFor(get(urlPathEqualTo(V + "/query")).willReturn(okJson("{\"totalSize\":0,\"done\":true,\"records\":[]}")));
        salesforce.searchAccounts(new AccountFilters("O'Brien\\' OR Name != '", "Tech'nology", null), 5, null);
        salesforce.searchOpportunities(new OpportunityFilters("Won' OR IsWon = false OR StageName = '", null, null, null, null), 5, null);
        List<String> soql = queries();
        assertEquals("SELECT Id,Name,Industry,AnnualRevenue,NumberOfEmployees,BillingState FROM Account"
                + " WHERE Industry = 'Tech\\'nology' AND Name LIKE '%O\\'Brien\\\\\\' OR Name != \\'%' ORDER BY Id LIMIT 6", soql.get(0));
        assertTrue(soql.get(1).endsWith(" WHERE StageName = 'Won\\' OR IsWon = false OR StageName = \\'' ORDER BY Id LIMIT 6"), soql.get(1));
        assertEquals("'100\\% of \\_x'", Soql.contains("100% of _x").replace("'%", "'").replace("%'", "'"));
        assertEquals("'a\\nb\\\\c\\u0000'", Soql.literal("a\nb\\c\u0000"));
    }

    @Test
    void an_id_or_cursor_of_another_shape_never_reaches_a_query() {
        var e = assertThrows(CrmException.class, () -> salesforce.getAccount("../../sobjects/User"));
        assertEquals(CrmException.Kind.NOT_FOUND, e.kind());
        var cursor = assertThrows(CrmException.class, () -> salesforce.searchAccounts(new AccountFilters(null, null, null), 2, "x' OR Id != '"));
        assertEquals(CrmException.Kind.INVALID_REQUEST, cursor.kind());
        assertTrue(salesforce.listContacts("acme'--").isEmpty());
        assertTrue(queries().isEmpty());
    }

    @Test
    void a_query_that_salesforce_splits_is_followed_through_next_records_url() {
        String next = V + "/query/01gDn00000AbCdEIAZ-2000";
        wm.stubFor(get(urlPathEqualTo(V + "/query")).willReturn(okJson("{\"totalSize\":3,\"done\":false,\"nextRecordsUrl\":\"" + next + "\","
                + "\"records\":[" + contact("003Dn00000D6sJoIAF", "Sarah Johnson", "VP of Sales") + ","
                + contact("003Dn00000D7tReIAF", "Tom Reed", "Chief Financial Officer") + "]}")));
        wm.stubFor(get(urlPathEqualTo(next)).willReturn(okJson("{\"totalSize\":3,\"done\":true,\"records\":["
                + contact("003Dn00000D8aLiIAF", "Ali Khan", "Head of RevOps") + "]}")));
        var contacts = salesforce.listContacts(ACME);
        assertEquals(List.of("Sarah Johnson", "Tom Reed", "Ali Khan"), contacts.stream().map(c -> c.name()).toList());
        assertEquals("Head of RevOps", contacts.get(2).title());
        assertEquals(ACME, contacts.get(2).accountId());
        wm.verify(exactly(1), getRequestedFor(urlPathEqualTo(next)));
    }

    static String contact(String id, String name, String title) {
        return "{\"attributes\":{\"type\":\"Contact\",\"url\":\"" + V + "/sobjects/Contact/" + id + "\"},\"Id\":\"" + id
                + "\",\"Name\":\"" + name + "\",\"Title\":\"" + title + "\",\"AccountId\":\"" + ACME + "\"}";
    }

    @Test
    void optional_fields_are_selected_only_when_the_describe_lists_them() throws IOException {
        // a standard org: no loss-reason field, and a user who cannot see NextStep
        String standard = file("opportunity-describe.json").replace("\"Loss_Reason__c\"", "\"Region__c\"")
                .replace("\"NextStep\"", "\"Next_Step_Hidden__c\"");
        wm.stubFor(get(urlPathEqualTo(V + "/sobjects/Opportunity/describe")).willReturn(okJson(standard)));
        wm.stubFor(get(urlPathEqualTo(V + "/query")).willReturn(okJson(file("query-opportunities-lost.json"))));
        var lost = salesforce.searchOpportunities(new OpportunityFilters("Closed Lost", null, null, null, null), 5, null);
        salesforce.searchOpportunities(new OpportunityFilters("Closed Won", null, null, null, null), 5, null);
        assertNull(lost.items().get(0).lossReason(), "without the field there is no loss reason, even if a body carried one");
        for (String q : queries()) {
            assertTrue(q.startsWith("SELECT Id,Name,AccountId,StageName,Amount,CloseDate,IsWon,IsClosed,OwnerId,CreatedDate FROM"), q);
        }
        wm.verify(exactly(1), getRequestedFor(urlPathEqualTo(V + "/sobjects/Opportunity/describe")));

        // an org that calls it Closed_Lost_Reason__c
        SalesforceAdapter other = clientCredentials();
        wm.stubFor(get(urlPathEqualTo(V + "/sobjects/Opportunity/describe")).willReturn(okJson(
                file("opportunity-describe.json").replace("\"Loss_Reason__c\"", "\"Closed_Lost_Reason__c\""))));
        wm.stubFor(get(urlPathEqualTo(V + "/query")).willReturn(okJson(
                file("query-opportunities-lost.json").replace("\"Loss_Reason__c\"", "\"Closed_Lost_Reason__c\""))));
        assertEquals("Price too high", other.searchOpportunities(new OpportunityFilters("Closed Lost", null, null, null, null), 5, null)
                .items().get(0).lossReason());
        assertTrue(queries().get(queries().size() - 1).contains(",NextStep,Closed_Lost_Reason__c FROM Opportunity"));
    }

    @Test
    void an_update_writes_only_the_fields_that_differ_in_salesforces_names() throws IOException {
        wm.stubFor(get(urlPathEqualTo(V + "/sobjects/Opportunity/" + OPEN)).willReturn(okJson(file("opportunity-open.json"))));
        wm.stubFor(patch(urlPathEqualTo(V + "/sobjects/Opportunity/" + OPEN)).willReturn(aResponse().withStatus(204)));
        Map<String, Object> updates = new LinkedHashMap<>();
        updates.put("stage", "Negotiation/Review");
        updates.put("amount", 80_000);            // unchanged
        updates.put("close_date", "2026-03-31");
        updates.put("next_step", "Security review with IT"); // unchanged
        updates.put("Loss_Reason__c", "Timing");  // a vendor field by its API name
        var r = salesforce.updateOpportunity(OPEN, updates, null);
        assertTrue(r.applied());
        assertEquals(List.of("stage", "close_date", "Loss_Reason__c"), List.copyOf(r.changes().keySet()));
        assertEquals("Qualification", r.changes().get("stage").from());
        assertEquals("2026-02-27", r.changes().get("close_date").from());
        assertNull(r.changes().get("Loss_Reason__c").from());
        wm.verify(exactly(1), patchRequestedFor(urlPathEqualTo(V + "/sobjects/Opportunity/" + OPEN))
                .withRequestBody(equalToJson("{\"StageName\":\"Negotiation/Review\",\"CloseDate\":\"2026-03-31\",\"Loss_Reason__c\":\"Timing\"}")));
    }

    @Test
    void an_update_with_nothing_to_change_writes_nothing_and_says_so() throws IOException {
        wm.stubFor(get(urlPathEqualTo(V + "/sobjects/Opportunity/" + OPEN)).willReturn(okJson(file("opportunity-open.json"))));
        var r = salesforce.updateOpportunity(OPEN, Map.of("amount", 80_000.0, "stage", "qualification"), "same-key");
        assertTrue(r.applied(), "the opportunity holds the requested values");
        assertTrue(r.changes().isEmpty());
        assertTrue(r.note().contains("nothing was written"), r.note());
        wm.verify(exactly(0), patchRequestedFor(urlPathEqualTo(V + "/sobjects/Opportunity/" + OPEN)));
    }

    @Test
    void an_update_naming_a_field_the_org_lacks_or_cannot_write_is_refused_before_any_write() {
        var unknown = assertThrows(CrmException.class, () -> salesforce.updateOpportunity(OPEN, Map.of("Discount__c", 5), null));
        assertEquals(CrmException.Kind.INVALID_REQUEST, unknown.kind());
        var readOnly = assertThrows(CrmException.class, () -> salesforce.updateOpportunity(OPEN, Map.of("IsWon", true), null));
        assertTrue(readOnly.getMessage().contains("cannot be written"), readOnly.getMessage());
        var score = assertThrows(CrmException.class, () -> salesforce.updateOpportunity(OPEN, Map.of("qualification_score", 80), null));
        assertTrue(score.getMessage().contains("no qualification score field"), score.getMessage());
        var date = assertThrows(CrmException.class, () -> salesforce.updateOpportunity(OPEN, Map.of("close_date", "next week"), null));
        assertEquals(CrmException.Kind.INVALID_REQUEST, date.kind());
        wm.verify(exactly(0), getRequestedFor(urlPathEqualTo(V + "/sobjects/Opportunity/" + OPEN)));
        wm.verify(exactly(0), patchRequestedFor(urlPathEqualTo(V + "/sobjects/Opportunity/" + OPEN)));
    }

    @Test
    void an_update_retried_with_its_key_after_a_patch_timeout_is_applied_once(@TempDir Path dir) throws IOException {
        // The opportunity reads as before the update until the (slow) PATCH has landed.
        wm.stubFor(get(urlPathEqualTo(V + "/sobjects/Opportunity/" + OPEN)).inScenario("write").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(file("opportunity-open.json"))));
        wm.stubFor(patch(urlPathEqualTo(V + "/sobjects/Opportunity/" + OPEN)).inScenario("write")
                .withRequestBody(equalToJson("{\"Amount\":95000}"))
                .willReturn(aResponse().withStatus(204).withFixedDelay(1500)).willSetStateTo("landed"));
        wm.stubFor(get(urlPathEqualTo(V + "/sobjects/Opportunity/" + OPEN)).inScenario("write").whenScenarioStateIs("landed")
                .willReturn(okJson(file("opportunity-open-updated.json"))));
        Database db = Database.open(dir);
        try {
            IdempotentCrm crm = new IdempotentCrm(salesforce, new SqliteCrmUpdates(db, Clock.systemUTC()), "sales");
            var timeout = assertThrows(CrmException.class, () -> crm.updateOpportunity(OPEN, Map.of("amount", 95_000), "key-1"));
            assertEquals(CrmException.Kind.UNAVAILABLE, timeout.kind());
            var retried = crm.updateOpportunity(OPEN, Map.of("amount", 95_000), "key-1");
            assertTrue(retried.applied());
            assertTrue(retried.changes().isEmpty(), "the earlier PATCH landed; this call wrote nothing");
            assertEquals(95_000.0, retried.opportunity().amount());
            assertTrue(retried.note().contains("nothing was written"), retried.note());
            var again = crm.updateOpportunity(OPEN, Map.of("amount", 95_000), "key-1");
            assertTrue(again.note().contains("already applied"), again.note());
            wm.verify(exactly(1), patchRequestedFor(urlPathEqualTo(V + "/sobjects/Opportunity/" + OPEN)));
        } finally {
            db.close();
        }
    }

    @Test
    void credentials_and_the_access_token_never_show_in_errors_or_logs() throws IOException {
        List<String> canaries = List.of(CLIENT_SECRET, PASSWORD, SECURITY_TOKEN, TOKEN,
                java.net.URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8));
        List<Throwable> errors = new ArrayList<>();
        try (LogCapture logs = new LogCapture()) {
            SalesforceAdapter sf = passwordFlow();
            wm.stubFor(post(urlPathEqualTo("/services/oauth2/token")).willReturn(aResponse().withStatus(400)
                    .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"authentication failure\"}")));
            errors.add(assertThrows(CrmException.class, () -> sf.getAccount(ACME)));

            stubToken(TOKEN);
            // Salesforce should never echo a credential; if an error ever does, it is masked
            wm.stubFor(get(urlPathEqualTo(V + "/sobjects/Account/" + ACME)).willReturn(aResponse().withStatus(400)
                    .withBody("[{\"message\":\"bad value " + PASSWORD + SECURITY_TOKEN + " " + CLIENT_SECRET + " Bearer " + TOKEN
                            + "\",\"errorCode\":\"INVALID_FIELD\"}]")));
            var echoed = assertThrows(CrmException.class, () -> sf.getAccount(ACME));
            assertEquals(CrmException.Kind.INVALID_REQUEST, echoed.kind());
            assertTrue(echoed.getMessage().contains("INVALID_FIELD: bad value [redacted]"), echoed.getMessage());
            errors.add(echoed);

            wm.stubFor(get(urlPathEqualTo(V + "/sobjects/Account/" + ACME)).willReturn(aResponse().withStatus(401)
                    .withBody("[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]")));
            errors.add(assertThrows(CrmException.class, () -> sf.getAccount(ACME)));

            wm.stubFor(get(urlPathEqualTo(V + "/sobjects/Account/" + ACME)).willReturn(okJson(file("account-acme.json"))
                    .withHeader("Sforce-Limit-Info", "api-usage=95500/100000")));
            sf.getAccount(ACME);
            wm.stubFor(get(urlPathEqualTo(V + "/sobjects/Opportunity/" + OPEN)).willReturn(okJson(file("opportunity-open.json"))));
            wm.stubFor(patch(urlPathEqualTo(V + "/sobjects/Opportunity/" + OPEN)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
            errors.add(assertThrows(CrmException.class, () -> sf.updateOpportunity(OPEN, Map.of("amount", 1), "k")));

            assertTrue(logs.lines().stream().anyMatch(l -> l.contains("95500 of the org's 100000 daily requests (95%)")), logs.lines().toString());
            for (String line : logs.lines()) {
                canaries.forEach(c -> assertFalse(line.contains(c), line));
            }
        }
        for (Throwable e : errors) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                String text = t + " " + t.getMessage();
                canaries.forEach(c -> assertFalse(text.contains(c), text));
            }
        }
    }

    @Test
    void api_usage_past_ninety_percent_is_logged_once() throws IOException {
        try (LogCapture logs = new LogCapture()) {
            wm.stubFor(get(urlPathEqualTo(V + "/sobjects/Account/" + ACME)).willReturn(okJson(file("account-acme.json"))
                    .withHeader("Sforce-Limit-Info", "api-usage=90001/100000")));
            salesforce.getAccount(ACME);
            salesforce.getAccount(ACME);
            assertEquals(1, logs.lines().stream().filter(l -> l.contains("API usage")).count(), logs.lines().toString());
        }
    }
}
