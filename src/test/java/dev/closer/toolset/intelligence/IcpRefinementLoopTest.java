package dev.closer.toolset.intelligence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.closer.sales.intelligence.SyntheticDeals;
import dev.closer.testing.ServerTest;
import dev.closer.testing.TestServer;
import dev.closer.tool.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The guide's Pattern 5 / Pattern C loop through the real server, and the intelligence bad inputs. */
class IcpRefinementLoopTest extends ServerTest {


    private JsonNode ok(String tool, String inputs) {
        var r = server.call(tool, inputs, "q4-review", "sales", null);
        assertEquals(200, r.status(), tool + ": " + r.body());
        return r.json();
    }

    private static final String ACCOUNTS = """
            [{"name": "TechCo", "industry": "Technology", "revenue": 20000000},
             {"name": "MakerCo", "industry": "Manufacturing", "revenue": 300000000}]""";

    @Test
    void analysis_then_personas_then_a_refined_market_ranks_the_recommended_industry_higher() {
        String deals = Json.write(SyntheticDeals.planted(1500, 11));
        JsonNode analysis = ok("analyze_win_loss_patterns", "{\"deals\": " + deals + ", \"min_deals_for_pattern\": 5, \"time_period_days\": 36500}");
        assertTrue(analysis.path("summary").path("win_rate").asDouble() > 0.4);
        JsonNode icp = analysis.path("icp_recommendations");
        List<String> industries = List.of(icp.get(0).path("recommended").asString().split(", "));
        assertEquals("Technology", industries.get(0));
        String revenue = icp.get(1).path("recommended").asString();
        JsonNode personas = ok("extract_buyer_personas", "{\"deals\": " + deals + "}");
        List<String> titles = new ArrayList<>();
        personas.path("personas").forEach(p -> titles.add(p.path("title_pattern").asString()));
        assertTrue(titles.containsAll(List.of("VP Sales", "CFO", "CTO")), titles.toString());

        JsonNode before = ok("score_accounts", "{\"accounts\": " + ACCOUNTS + ", \"market_definition\": "
                + "{\"industries\": [\"Manufacturing\"], \"revenue_range\": \"100M+\"}}");
        JsonNode refined = ok("define_target_market", "{\"market_definition\": {\"industries\": " + Json.write(industries)
                + ", \"revenue_range\": \"" + revenue + "\", \"geography\": \"North America\", \"target_personas\": "
                + Json.write(titles.subList(0, 3)) + "}}");
        assertEquals(0, refined.path("warnings").size(), refined.toString());
        JsonNode after = ok("score_accounts", "{\"accounts\": " + ACCOUNTS + ", \"market_id\": \""
                + refined.path("market_id").asString() + "\"}");
        double techBefore = before.path("scored_accounts").get(0).path("icp_score").asDouble();
        double techAfter = after.path("scored_accounts").get(0).path("icp_score").asDouble();
        assertTrue(techAfter > techBefore, techBefore + " -> " + techAfter);
        assertTrue(techAfter > after.path("scored_accounts").get(1).path("icp_score").asDouble());
    }

    @Test
    void bad_deals_are_refused_naming_the_row() {
        assertEquals(400, server.call("analyze_win_loss_patterns", "{\"deals\": []}").status());
        var outcome = server.call("analyze_win_loss_patterns", "{\"deals\": [{\"outcome\": \"maybe\"}]}");
        assertEquals(400, outcome.status());
        assertTrue(outcome.body().contains("/deals/0/outcome"), outcome.body());
        var negative = server.call("analyze_win_loss_patterns", "{\"deals\": [{\"outcome\": \"won\", \"deal_value\": -5}]}");
        assertTrue(negative.body().contains("/deals/0/deal_value"), negative.body());
        var date = server.call("analyze_win_loss_patterns", "{\"deals\": [{\"outcome\": \"won\"}, {\"outcome\": \"lost\","
                + " \"close_date\": \"last tuesday\"}]}");
        assertEquals(400, date.status());
        assertTrue(date.body().contains("/deals/1/close_date"), date.body());
        var open = ok("analyze_win_loss_patterns", "{\"deals\": [{\"outcome\": \"open\"}]}");
        assertTrue(open.path("warnings").get(0).asString().contains("no closed"));
    }

    @Test
    void closed_opportunities_come_from_the_crm_joined_with_their_accounts() {
        new dev.closer.crm.offline.OfflineCrmImport(server.app().db()).run("sales", Json.parse("""
                {"accounts": [{"id": "a1", "industry": "Technology", "revenue": 20000000}, {"id": "a2", "industry": "Retail"}],
                 "opportunities": [
                   {"id": "o1", "account_id": "a1", "stage": "Closed Won", "amount": 50000, "close_date": "2026-10-01"},
                   {"id": "o2", "account_id": "a1", "stage": "Closed Won", "amount": 70000, "close_date": "2026-10-05"},
                   {"id": "o3", "account_id": "a2", "stage": "Closed Lost", "loss_reason": "too expensive", "close_date": "2026-10-09"},
                   {"id": "o4", "account_id": "a2", "stage": "Qualified", "close_date": "2026-12-01"}]}"""));
        JsonNode r = ok("analyze_win_loss_patterns", "{\"from_crm\": true, \"min_deals_for_pattern\": 1}");
        assertEquals(3, r.path("summary").path("total_deals").asInt(), r.toString());
        assertEquals(2, r.path("summary").path("won_count").asInt());
        assertEquals("price", r.path("loss_patterns").get(0).path("loss_reason").asString());
        List<String> wins = new ArrayList<>();
        r.path("win_patterns").forEach(p -> wins.add(p.path("pattern_type").asString() + ":" + p.path("pattern_value").asString()));
        assertTrue(wins.contains("industry:Technology"), wins.toString());
        assertEquals(400, server.call("analyze_win_loss_patterns", "{\"min_deals_for_pattern\": 1}").status(), "deals or from_crm");
    }
}
