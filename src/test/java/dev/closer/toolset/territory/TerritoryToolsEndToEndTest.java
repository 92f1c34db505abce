package dev.closer.toolset.territory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.closer.testing.ServerTest;
import dev.closer.testing.TestServer;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Pattern 1 and the bad inputs of the prospecting issue, through the real REST door. */
class TerritoryToolsEndToEndTest extends ServerTest {


    private static final String ACCOUNTS = """
            [{"name": "Acme SaaS", "industry": "SaaS", "revenue": 25000000, "employees": 150},
             {"name": "OldCorp", "industry": "Manufacturing", "revenue": 100000000, "employees": 2000},
             {"name": "CloudCo", "industry": "Cloud Infrastructure", "revenue": 15000000, "employees": 80}]""";

    @Test
    void pattern_1_defines_a_territory_then_scores_the_accounts_in_one_call() {
        var territory = server.call("define_target_market", """
                {"market_definition": {"industries": ["SaaS", "Cloud Infrastructure"], "revenue_range": "10M-50M",
                 "geography": "US West Coast", "employee_count_range": "50-500"}}""", "territory-001", "sales", null);
        assertEquals(200, territory.status(), territory.body());
        String market = territory.json().path("market_definition").toString();
        var scored = server.call("score_accounts", "{\"accounts\": " + ACCOUNTS + ", \"market_definition\": " + market + "}",
                "territory-001", "sales", null);
        assertEquals(200, scored.status(), scored.body());
        JsonNode rows = scored.json().path("scored_accounts");
        assertEquals("Acme SaaS", rows.get(0).path("account").path("name").asString());
        assertEquals("OldCorp", rows.get(1).path("account").path("name").asString());
        assertTrue(rows.get(0).path("icp_score").asDouble() > rows.get(1).path("icp_score").asDouble());
        assertTrue(rows.get(2).path("icp_score").asDouble() > rows.get(1).path("icp_score").asDouble());
        assertEquals("Poor ICP match", rows.get(1).path("recommendation").asString());
        assertEquals(1, scored.json().path("_meta").path("cost").asInt());
    }

    @Test
    void a_market_id_works_for_its_profile_and_is_not_found_for_another() {
        var territory = server.call("define_target_market", "{\"market_definition\": {\"industries\": [\"SaaS\"]}}");
        String id = territory.json().path("market_id").asString();
        var mine = server.call("score_accounts", "{\"accounts\": " + ACCOUNTS + ", \"market_id\": \"" + id + "\"}");
        assertEquals(200, mine.status(), mine.body());
        var theirs = server.call("score_accounts", "{\"accounts\": " + ACCOUNTS + ", \"market_id\": \"" + id + "\"}",
                null, "readonly", null);
        assertEquals(404, theirs.status(), theirs.body());
        assertEquals("NOT_FOUND", theirs.json().path("error").path("code").asString());
    }

    @Test
    void an_unreadable_range_is_refused_and_nothing_is_stored() throws Exception {
        var r = server.call("define_target_market", "{\"market_definition\": {\"industries\": [\"SaaS\"], \"revenue_range\": \"abc\"}}");
        assertEquals(400, r.status());
        assertEquals("/market_definition/revenue_range",
                r.json().path("error").path("details").path("violations").get(0).path("path").asString());
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("closer.db"));
             var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM markets")) {
            assertEquals(0, rs.getInt(1));
        }
    }

    @Test
    void empty_lists_and_negative_revenue_are_refused_by_the_schema() {
        var empty = server.call("score_accounts", "{\"accounts\": [], \"market_definition\": {\"industries\": [\"SaaS\"]}}");
        assertEquals(400, empty.status());
        var negative = server.call("score_accounts", "{\"accounts\": [{\"name\": \"x\", \"revenue\": -5}], "
                + "\"market_definition\": {\"industries\": [\"SaaS\"]}}");
        assertEquals(400, negative.status());
        assertEquals("/accounts/0/revenue", negative.json().path("error").path("details").path("violations").get(0).path("path").asString());
    }

    @Test
    void more_than_100000_accounts_in_one_call_are_refused() {
        StringBuilder sb = new StringBuilder("{\"accounts\": [");
        for (int i = 0; i < 100_001; i++) {
            sb.append(i == 0 ? "" : ",").append("{}");
        }
        sb.append("], \"market_definition\": {\"industries\": [\"SaaS\"]}}");
        var r = server.call("score_accounts", sb.toString());
        assertEquals(400, r.status());
        assertTrue(r.body().contains("maxItems") || r.body().contains("100000"), r.body());
    }

    @Test
    void the_guides_adapter_field_asks_for_crm_enrichment_and_costs_like_it() {
        var r = server.call("get_account_signals", "{\"account_id\": \"acme-123\", \"adapter\": {\"kind\": \"hubspot\"}}");
        assertEquals(200, r.status(), r.body());
        assertEquals(5, r.json().path("_meta").path("cost").asInt());
        assertEquals("crm+offline", r.json().path("source").asString());
        var plain = server.call("get_account_signals", "{\"account_id\": \"acme-123\"}");
        assertEquals(1, plain.json().path("_meta").path("cost").asInt());
        assertEquals("offline", plain.json().path("source").asString());
    }
}
