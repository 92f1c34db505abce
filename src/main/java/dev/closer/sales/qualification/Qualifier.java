package dev.closer.sales.qualification;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scores an opportunity against a framework: the score is the mean evidence strength over the
 * framework's criteria (a missing criterion counts 0 and is a gap), {@code qualified} is
 * score ≥ threshold. Criteria under 0.7 are gaps with a next step each.
 */
public final class Qualifier {

    /** Progressive qualification (the guide's best practice 2): the bar rises with the stage. */
    public static final Map<String, Double> STAGE_THRESHOLDS = Map.of(
            "discovery", 0.5, "qualification", 0.7, "proposal", 0.85, "negotiation", 0.9);
    static final double DEFAULT_THRESHOLD = 0.7;
    private static final double GAP_BELOW = 0.7;

    private final Clock clock;

    public Qualifier(Clock clock) {
        this.clock = clock;
    }

    public QualificationResult qualify(QualificationRequest request) {
        Framework framework = Framework.named(request.framework()).orElseThrow(() -> new IllegalArgumentException(
                "unknown framework '" + request.framework() + "'; use one of " + String.join(", ", Framework.names())));
        List<String> warnings = new ArrayList<>();
        Map<String, Object> given = new LinkedHashMap<>();
        Map<String, String> givenAs = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : request.criteria().entrySet()) {
            var criterion = framework.criterion(e.getKey());
            if (criterion.isEmpty()) {
                warnings.add("criterion '" + e.getKey() + "' is not part of " + framework.name() + " and was not scored;"
                        + " accepted: " + String.join(", ", framework.criteria().stream().map(Framework.Criterion::name).toList()));
            } else if (given.containsKey(criterion.get().name())) {
                warnings.add("criterion '" + e.getKey() + "' repeats '" + givenAs.get(criterion.get().name()) + "'; the first was used");
            } else {
                given.put(criterion.get().name(), e.getValue());
                givenAs.put(criterion.get().name(), e.getKey());
                if (!e.getKey().equals(criterion.get().name())) {
                    warnings.add("'" + e.getKey() + "' was read as " + framework.name() + "'s '" + criterion.get().name() + "'");
                }
            }
        }
        LocalDate today = LocalDate.now(clock);
        List<QualificationResult.CriterionScore> breakdown = new ArrayList<>();
        List<String> gaps = new ArrayList<>();
        List<String> nextSteps = new ArrayList<>();
        double sum = 0;
        for (Framework.Criterion c : framework.criteria()) {
            Object value = given.get(c.name());
            Evidence ev;
            if (isTiming(c.name())) {
                TimingGrader.Graded t = TimingGrader.grade(value, today);
                ev = t.evidence();
                if (t.warning() != null) {
                    warnings.add(t.warning());
                }
            } else {
                ev = EvidenceGrader.grade(value);
            }
            sum += ev.strength();
            String gap = ev.strength() < GAP_BELOW ? (ev.gap() == null ? "weak evidence" : ev.gap()) : null;
            breakdown.add(new QualificationResult.CriterionScore(c.name(), value, round(ev.strength()), ev.evidence(), gap));
            if (gap != null) {
                gaps.add(c.name() + ": " + gap);
                nextSteps.add(c.nextStep());
            }
        }
        double score = round(sum / framework.criteria().size());
        double threshold;
        String source;
        if (request.threshold() != null) {
            threshold = request.threshold();
            source = "threshold";
        } else if (request.stage() != null) {
            String stage = request.stage().strip().toLowerCase(Locale.ROOT);
            Double bar = STAGE_THRESHOLDS.get(stage);
            if (bar == null) {
                throw new IllegalArgumentException("unknown stage '" + request.stage()
                        + "'; use discovery, qualification, proposal or negotiation");
            }
            threshold = bar;
            source = "stage " + stage;
        } else {
            threshold = DEFAULT_THRESHOLD;
            source = "default";
        }
        boolean qualified = score >= threshold;
        return new QualificationResult(score, qualified, threshold, source, recommendation(score, threshold, qualified),
                framework.name(), breakdown, gaps, nextSteps, warnings);
    }

    /** ≥ 0.8 and qualified: prioritize; qualified: proceed; within 0.15 below: nurture; else disqualify. */
    static String recommendation(double score, double threshold, boolean qualified) {
        if (qualified && score >= 0.8) {
            return "Strong opportunity - prioritize";
        }
        if (qualified) {
            return "Proceed to discovery call";
        }
        if (threshold - score <= 0.15) {
            return "Nurture - close the gaps before advancing";
        }
        return "Disqualify or revisit later - too many gaps";
    }

    private static boolean isTiming(String criterion) {
        return criterion.equals("timing") || criterion.equals("timeline");
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
