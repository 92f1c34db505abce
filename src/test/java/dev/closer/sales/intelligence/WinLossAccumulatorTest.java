package dev.closer.sales.intelligence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WinLossAccumulatorTest {

    @SuppressWarnings("unchecked")
    static Deal deal(Map<String, Object> m) {
        Map<String, Object> a = (Map<String, Object>) m.get("account");
        return new Deal((String) m.get("deal_id"), (String) m.get("outcome"), (String) a.get("industry"), (Double) a.get("revenue"),
                (String) a.get("region"), ((Number) m.get("deal_value")).doubleValue(), ((Number) m.get("sales_cycle_days")).doubleValue(),
                (Double) m.get("qualification_score"), (String) m.get("loss_reason"),
                Instant.parse(m.get("close_date") + "T00:00:00Z"), null, List.of());
    }

    private static WinLossAnalysis analyse(List<Map<String, Object>> deals, int min) {
        WinLossAccumulator acc = new WinLossAccumulator(min, null);
        deals.forEach(d -> acc.add(deal(d)));
        return acc.result();
    }

    @Test
    void finds_and_ranks_the_planted_patterns_and_names_them() {
        WinLossAnalysis r = analyse(SyntheticDeals.planted(3000, 42), 5);
        var industries = r.winPatterns().stream().filter(p -> p.patternType().equals("industry")).toList();
        assertEquals("Technology", industries.get(0).patternValue());
        assertTrue(industries.get(0).winRate() > 0.75);
        assertTrue(industries.get(0).confidence() > 0.95);
        assertEquals("Strong fit: Target more Technology accounts", industries.get(0).recommendation());
        assertTrue(r.winPatterns().stream().noneMatch(p -> p.patternValue().equals("Manufacturing")), "30% is a losing segment");
        assertEquals("price", r.lossPatterns().get(0).lossReason());
        assertEquals("Consider value-based pricing or early price anchoring", r.lossPatterns().get(0).recommendation());
        assertEquals("industries", r.icpRecommendations().get(0).criterion());
        assertTrue(r.icpRecommendations().get(0).recommended().startsWith("Technology"));
        assertEquals("10-50M", r.icpRecommendations().get(1).recommended());
        var q = r.qualificationInsights();
        assertTrue(q.bestThreshold() > 0.6 && q.bestThreshold() < 0.72, String.valueOf(q.bestThreshold()));
        assertTrue(q.accuracy() > 0.8);
    }

    @Test
    void on_random_deals_no_pattern_is_reported_with_high_confidence() {
        WinLossAnalysis r = analyse(SyntheticDeals.random(2000, 7), 5);
        assertTrue(r.winPatterns().stream().allMatch(p -> p.confidence() < 0.99), r.winPatterns().toString());
        assertTrue(r.winPatterns().stream().noneMatch(p -> p.recommendation().startsWith("Strong")), r.winPatterns().toString());
    }

    @Test
    void never_reports_a_pattern_on_fewer_deals_than_the_minimum() {
        WinLossAnalysis r = analyse(SyntheticDeals.planted(40, 3), 30);
        assertTrue(r.winPatterns().stream().allMatch(p -> p.dealCount() >= 30));
    }

    @Test
    void wilson_and_confidence_match_known_values() {
        assertEquals(0.4902, Stats.wilsonLower(8, 10), 0.0005);
        assertEquals(0.0, Stats.wilsonLower(0, 10), 1e-9);
        assertEquals(0.9588, Stats.confidence(70, 100, 0.6), 0.0005);
        assertEquals(0.975, Stats.phi(1.959964), 1e-5);
    }

    @Test
    void the_time_window_is_read_in_utc() {
        WinLossAccumulator acc = new WinLossAccumulator(1, Instant.parse("2025-10-01T00:00:00Z"));
        acc.add(new Deal("a", "won", "Tech", null, null, null, null, null, null, Instant.parse("2025-09-30T16:00:00Z"), null, List.of()));
        acc.add(new Deal("b", "won", "Tech", null, null, null, null, null, null, Instant.parse("2025-10-01T00:00:00Z"), null, List.of()));
        var r = acc.result();
        assertEquals(1, r.summary().wonCount());
        assertEquals(1, r.summary().dealsOutsidePeriod());
    }

    @Test
    void only_open_deals_give_a_warning_not_a_pattern() {
        WinLossAccumulator acc = new WinLossAccumulator(5, null);
        acc.add(new Deal("a", "open", "Tech", null, null, null, null, null, null, null, null, List.of()));
        var r = acc.result();
        assertEquals(null, r.summary().winRate());
        assertTrue(r.warnings().get(0).contains("no closed"));
    }

    @Test
    void titles_normalise_to_one_pattern() {
        TitleNormalizer t = new TitleNormalizer();
        for (String s : List.of("VP of Sales", "Vice President, Sales", "VP Sales", "vp, sales", "SVP Sales")) {
            assertEquals("VP Sales", t.normalize(s).pattern(), s);
        }
        assertEquals("CFO", t.normalize("Chief Financial Officer").pattern());
        assertEquals("c_level", t.normalize("CFO").seniority());
        assertEquals("Director of Engineering", t.normalize("Engineering Director").pattern());
        assertEquals("Director of Engineering", t.normalize("Sr. Director of Engineering").pattern());
        assertEquals("Sales Operations Manager", t.normalize("Sales Operations Manager").pattern());
    }

    @Test
    void personas_come_from_won_deals_with_their_roles() {
        PersonaExtractor p = new PersonaExtractor();
        SyntheticDeals.planted(200, 5).forEach(m -> {
            Deal d = deal(m);
            @SuppressWarnings("unchecked")
            List<Map<String, String>> cs = (List<Map<String, String>>) m.get("contacts");
            p.add(new Deal(d.dealId(), d.outcome(), null, null, null, null, null, null, null, null, null,
                    cs.stream().map(c -> new Deal.Contact(c.get("title"), c.get("role"))).toList()));
        });
        var r = p.result(2);
        var vp = r.personas().stream().filter(x -> x.titlePattern().equals("VP Sales")).findFirst().orElseThrow();
        assertEquals("champion", vp.typicalRoles().get(0));
        assertEquals("Target VP Sales as champions, multi-thread to decision makers", vp.recommendation());
        var cfo = r.personas().stream().filter(x -> x.titlePattern().equals("CFO")).findFirst().orElseThrow();
        assertEquals("Target CFOs as primary decision makers", cfo.recommendation());
        assertTrue(r.warnings().get(0).contains("not won were ignored"));
    }
}
