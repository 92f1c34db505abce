package dev.closer.sales.territory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IcpScorerTest {

    private final IndustryTaxonomy taxonomy = new IndustryTaxonomy();
    private final Geography geography = new Geography();
    private final MarketParser parser = new MarketParser(taxonomy, geography);

    private MarketDefinition pattern1() {
        return parser.parse(Map.of("industries", List.of("SaaS", "Cloud Infrastructure"), "revenue_range", "10M-50M",
                "geography", "US West Coast", "employee_count_range", "50-500")).market();
    }

    @Test
    void the_guides_pattern_1_ranks_acme_and_cloudco_above_oldcorp() {
        IcpScorer scorer = new IcpScorer(taxonomy, geography, pattern1());
        IcpScore acme = scorer.score(new Account("Acme SaaS", "SaaS", 25e6, 150.0, null));
        IcpScore old = scorer.score(new Account("OldCorp", "Manufacturing", 100e6, 2000.0, null));
        IcpScore cloud = scorer.score(new Account("CloudCo", "Cloud Infrastructure", 15e6, 80.0, null));
        assertTrue(acme.icpScore() > old.icpScore() && cloud.icpScore() > old.icpScore());
        assertTrue(acme.recommendation().startsWith("Perfect") || acme.recommendation().startsWith("Strong"));
        assertEquals("Poor ICP match", old.recommendation());
        assertTrue(acme.reasons().contains("no geography given: scored neutral 0.5"));
    }

    @ParameterizedTest
    @CsvSource({"Software as a Service, SaaS", "Cloud Software, SaaS", "saas, SaaS", "Enterprise SaaS, SaaS",
        "Health Care, Healthcare", "Hospitals, Healthcare", "hospital & health care, Healthcare", "IaaS, Cloud Infrastructure",
        "FinTech, Financial Services", "E-commerce, Retail"})
    void near_names_and_synonyms_resolve_to_one_industry(String name, String canonical) {
        assertEquals(canonical, taxonomy.resolve(name).orElseThrow().canonical());
    }

    @Test
    void industries_match_fully_by_sector_partly_and_otherwise_not() {
        MarketDefinition m = parser.parse(Map.of("industries", List.of("SaaS"))).market();
        IcpScorer scorer = new IcpScorer(taxonomy, geography, m);
        assertEquals(1.0, scorer.score(new Account("a", "Software as a Service", null, null, null)).icpScore());
        assertEquals(0.6, scorer.score(new Account("b", "Cybersecurity", null, null, null)).icpScore());
        assertEquals(0.0, scorer.score(new Account("c", "Retail", null, null, null)).icpScore());
        assertEquals(0.0, scorer.score(new Account("d", "SaaSy Bakery", null, null, null)).icpScore(), "no substring matching");
    }

    @Test
    void geography_understands_regions() {
        MarketDefinition m = parser.parse(Map.of("geography", "US West Coast")).market();
        IcpScorer scorer = new IcpScorer(taxonomy, geography, m);
        assertEquals(1.0, scorer.score(new Account("a", null, null, null, "California")).icpScore());
        assertEquals(1.0, scorer.score(new Account("b", null, null, null, "Seattle, WA")).icpScore());
        assertEquals(0.5, scorer.score(new Account("c", null, null, null, "USA")).icpScore());
        assertEquals(0.0, scorer.score(new Account("d", null, null, null, "Texas")).icpScore());
        assertEquals(1.0, new IcpScorer(taxonomy, geography, parser.parse(Map.of("geography", "North America")).market())
                .score(new Account("e", null, null, null, "Oregon")).icpScore());
    }

    @Test
    void weights_are_rescaled_over_the_criteria_the_market_sets() {
        MarketDefinition m = parser.parse(Map.of("industries", List.of("SaaS"), "revenue_range", "10M-50M")).market();
        IcpScore s = new IcpScorer(taxonomy, geography, m).score(new Account("a", "SaaS", 100e6, null, null));
        assertEquals(2, s.breakdown().size());
        assertEquals(0.571, s.breakdown().get("industry").weight(), 0.001);
        assertEquals(0.571 + 0.429 * 0.699, s.icpScore(), 0.002);
    }

    @ParameterizedTest
    @CsvSource({"0.9, Perfect ICP match", "0.899, Strong ICP match", "0.7, Strong ICP match", "0.699, Moderate ICP match",
        "0.4, Moderate ICP match", "0.399, Poor ICP match"})
    void labels_change_exactly_at_their_thresholds(double score, String label) {
        assertEquals(label, IcpScorer.label(score));
    }

    @Test
    void an_unreadable_range_is_an_error_naming_the_field() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(MarketParser.InvalidField.class,
                () -> parser.parse(Map.of("revenue_range", "abc")));
        assertEquals("/market_definition/revenue_range", e.field());
    }

    @Test
    void an_unknown_industry_is_kept_and_warned_about() {
        var p = parser.parse(Map.of("industries", List.of("Underwater Basket Weaving")));
        assertEquals(List.of("Underwater Basket Weaving"), p.market().canonicalIndustries());
        assertTrue(p.warnings().get(0).startsWith("/market_definition/industries/0"));
    }
}
