package dev.closer.sales.qualification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QualifierTest {

    /** The seed guide was written on 2026-01-03; its "Q1 2026" is then 87 days away. */
    private final Qualifier atGuideDate = new Qualifier(Clock.fixed(Instant.parse("2026-01-03T10:00:00Z"), ZoneOffset.UTC));
    private final Qualifier today = new Qualifier(Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC));

    private static Map<String, Object> bant() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("budget", 50000);
        c.put("authority", "identified");
        c.put("need", "confirmed");
        c.put("timing", "Q1 2026");
        return c;
    }

    @Test
    void the_guides_bant_criteria_pass_a_0_6_threshold() {
        var r = atGuideDate.qualify(new QualificationRequest("BANT", bant(), 0.6, null));
        assertTrue(r.qualified());
        assertEquals(0.9, r.score(), 1e-9);
        assertEquals(1, r.gaps().size(), r.gaps().toString());
        assertTrue(r.gaps().get(0).startsWith("authority"));
    }

    @Test
    void the_guides_meddic_criteria_pass_0_75() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("metrics", "Reduce sales cycle by 30%");
        c.put("economic_buyer", "CFO identified and engaged");
        c.put("decision_criteria", "ROI > 300%, implementation < 90 days");
        c.put("decision_process", "Committee review → CFO approval → Legal");
        c.put("identify_pain", "Manual prospecting costing $500K/year");
        c.put("champion", "VP Sales is internal champion");
        var r = atGuideDate.qualify(new QualificationRequest("MEDDIC", c, 0.75, null));
        assertTrue(r.qualified(), r.toString());
        assertTrue(r.score() >= 0.8);
        assertEquals("Strong opportunity - prioritize", r.recommendation());
        assertTrue(r.gaps().isEmpty());
    }

    @Test
    void a_past_quarter_lowers_timing_and_warns() {
        var r = today.qualify(new QualificationRequest("BANT", bant(), 0.6, null));
        var timing = r.criteriaBreakdown().get(3);
        assertEquals(0.3, timing.strength());
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("in the past")), r.warnings().toString());
        assertTrue(r.gaps().stream().anyMatch(g -> g.startsWith("timing")));
    }

    @ParameterizedTest
    @CsvSource({"unknown", "no", "none", "n/a", "TBD", "not yet"})
    void negative_words_score_zero_and_become_gaps(String word) {
        Map<String, Object> c = bant();
        c.put("need", word);
        var r = atGuideDate.qualify(new QualificationRequest("BANT", c, 0.6, null));
        assertEquals(0.0, r.criteriaBreakdown().get(2).strength());
        assertTrue(r.gaps().stream().anyMatch(g -> g.startsWith("need")));
        assertTrue(r.score() < 0.9);
    }

    @Test
    void false_and_missing_criteria_lower_the_score_and_appear_in_gaps() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("budget", false);
        c.put("need", "confirmed");
        var r = atGuideDate.qualify(new QualificationRequest("BANT", c, null, null));
        assertEquals(0.25, r.score(), 1e-9);
        assertFalse(r.qualified());
        assertEquals(3, r.gaps().size());
        assertEquals(3, r.nextSteps().size());
    }

    @ParameterizedTest
    @CsvSource({
        "confirmed, 1.0", "signed, 1.0", "identified, 0.6", "in progress, 0.6", "maybe, 0.3",
        "considering it, 0.3", "CFO owns it, 0.8", "costs 500K a year, 0.8", "they really want this, 0.6", "soon, 0.4"})
    void text_is_graded_by_its_strongest_evidence(String text, double expected) {
        assertEquals(expected, EvidenceGrader.grade(text).strength(), 1e-9);
    }

    @Test
    void numbers_between_zero_and_one_are_strengths_and_larger_ones_are_amounts() {
        assertEquals(0.4, EvidenceGrader.grade(0.4).strength());
        assertEquals(1.0, EvidenceGrader.grade(250000).strength());
        assertEquals(0.0, EvidenceGrader.grade(0).strength());
    }

    @ParameterizedTest
    @CsvSource({"2026-02-20, 1.0", "2026-05-01, 0.8", "2026-10-01, 0.5", "2027-06-01, 0.3", "2025-12-01, 0.3"})
    void timing_is_graded_by_distance_from_today(String date, double expected) {
        var g = TimingGrader.grade(date, java.time.LocalDate.of(2026, 1, 3));
        assertEquals(expected, g.evidence().strength(), 1e-9);
    }

    @Test
    void the_stage_sets_the_bar_when_no_threshold_is_given() {
        var r = atGuideDate.qualify(new QualificationRequest("BANT", bant(), null, "negotiation"));
        assertEquals(0.9, r.threshold());
        assertTrue(r.qualified());
        var proposal = atGuideDate.qualify(new QualificationRequest("bant", bant(), null, "proposal"));
        assertEquals(0.85, proposal.threshold());
    }

    @Test
    void unknown_criteria_are_reported_with_the_accepted_names_and_aliases_are_read() {
        Map<String, Object> c = bant();
        c.remove("timing");
        c.put("timeline", "next month");
        c.put("vibes", "great");
        var r = atGuideDate.qualify(new QualificationRequest("BANT", c, null, null));
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("'vibes'") && w.contains("budget, authority, need, timing")));
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("'timeline' was read as BANT's 'timing'")));
        assertEquals(1.0, r.criteriaBreakdown().get(3).strength());
    }

    @Test
    void an_unknown_framework_names_the_accepted_ones() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> today.qualify(new QualificationRequest("SPICED", bant(), null, null)));
        assertTrue(e.getMessage().contains("BANT, MEDDIC, MEDDICC, CHAMP, GPCTBA/C&I"));
    }

    @Test
    void meddicc_adds_competition_and_champ_reads_money() {
        var r = today.qualify(new QualificationRequest("MEDDICC", Map.of("competition", "Two vendors, we lead on ROI"), null, null));
        assertEquals(7, r.criteriaBreakdown().size());
        var champ = today.qualify(new QualificationRequest("champ", Map.of("budget", 10000), null, null));
        assertEquals("money", champ.criteriaBreakdown().get(2).criterion());
        assertEquals(1.0, champ.criteriaBreakdown().get(2).strength());
    }

    @Test
    void recommendation_bands_follow_the_documented_rule() {
        assertEquals("Strong opportunity - prioritize", Qualifier.recommendation(0.85, 0.7, true));
        assertEquals("Proceed to discovery call", Qualifier.recommendation(0.75, 0.7, true));
        assertEquals("Nurture - close the gaps before advancing", Qualifier.recommendation(0.6, 0.7, false));
        assertEquals("Disqualify or revisit later - too many gaps", Qualifier.recommendation(0.5, 0.7, false));
    }
}
