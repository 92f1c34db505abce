package dev.closer.sales.qualification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DealRiskAssessorTest {

    private final DealRiskAssessor assessor = new DealRiskAssessor(Clock.fixed(Instant.parse("2026-11-24T00:00:00Z"), ZoneOffset.UTC));

    private static Map<String, Object> healthy() {
        Map<String, Object> d = new HashMap<>();
        d.put("stage", "proposal");
        d.put("days_in_stage", 10);
        d.put("champion", "VP Sales");
        d.put("budget_confirmed", true);
        d.put("stakeholders", List.of("VP Sales", "CFO", "CTO"));
        d.put("competitors", List.of());
        d.put("close_date", "2026-12-15");
        return d;
    }

    @Test
    void a_healthy_deal_is_low_risk_at_its_stage_rate() {
        var r = assessor.assess(healthy());
        assertEquals("low", r.riskLevel());
        assertEquals(0.0, r.riskScore());
        assertEquals(0.5, r.closeProbability());
    }

    @Test
    void days_in_stage_is_a_risk_just_past_the_limit_and_high_past_twice_it() {
        Map<String, Object> d = healthy();
        d.put("days_in_stage", 21);
        assertTrue(assessor.assess(d).riskFactors().isEmpty());
        d.put("days_in_stage", 22);
        assertEquals("medium", assessor.assess(d).riskFactors().get(0).severity());
        d.put("days_in_stage", 43);
        assertEquals("high", assessor.assess(d).riskFactors().get(0).severity());
    }

    @Test
    void factors_compound_without_passing_one() {
        Map<String, Object> d = new HashMap<>();
        d.put("stage", "negotiation");
        d.put("days_in_stage", 90);
        d.put("champion", false);
        d.put("stakeholders", 1);
        d.put("competitors", 4);
        d.put("close_date", "2026-10-01");
        d.put("last_activity_days", 45);
        var r = assessor.assess(d);
        assertEquals("high", r.riskLevel());
        assertTrue(r.riskScore() < 1 && r.riskScore() > 0.85, String.valueOf(r.riskScore()));
        assertEquals(r.riskFactors().size(), r.recommendations().size());
        assertTrue(r.riskFactors().stream().anyMatch(f -> f.factor().equals("close_date_passed")));
    }

    @Test
    void an_unknown_stage_is_warned_about_not_guessed_silently() {
        Map<String, Object> d = healthy();
        d.put("stage", "vibing");
        var r = assessor.assess(d);
        assertTrue(r.warnings().get(0).contains("unknown stage 'vibing'"));
        assertEquals(0.3, r.stageProbability());
    }
}
