package dev.closer.sales.qualification;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Deterministic deal-risk rules (also in the tool's description). Each factor found has a
 * severity weighing high 0.30, medium 0.15, low 0.05; risk_score = 1 − Π(1 − weight), so factors
 * compound without passing 1. Level: below 0.30 low, below 0.60 medium, else high. The close
 * probability is the stage's base rate × (1 − 0.6 × risk_score).
 */
public final class DealRiskAssessor {

    /** Base close rates by stage, and how many days a deal may sit in it before that is a risk. */
    private static final Map<String, double[]> STAGES = Map.of(
            "prospecting", new double[]{0.10, 30}, "discovery", new double[]{0.20, 30},
            "qualification", new double[]{0.25, 30}, "demo", new double[]{0.40, 21},
            "evaluation", new double[]{0.40, 30}, "proposal", new double[]{0.50, 21},
            "negotiation", new double[]{0.70, 30}, "commit", new double[]{0.85, 14},
            "closed won", new double[]{1.0, 0}, "closed lost", new double[]{0.0, 0});

    private final Clock clock;

    public DealRiskAssessor(Clock clock) {
        this.clock = clock;
    }

    public DealRisk assess(Map<String, Object> deal) {
        List<DealRisk.Factor> factors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        String stage = text(deal.get("stage"));
        double[] stageInfo = stage == null ? null : STAGES.get(stage.toLowerCase(Locale.ROOT).replace('_', ' '));
        if (stageInfo == null) {
            warnings.add(stage == null ? "no stage given; assumed a 0.30 base close rate"
                    : "unknown stage '" + stage + "'; assumed a 0.30 base close rate (known: " + String.join(", ", STAGES.keySet()) + ")");
            stageInfo = new double[]{0.30, 30};
        }
        Double days = number(deal.get("days_in_stage"));
        if (days != null && stageInfo[1] > 0 && days > stageInfo[1]) {
            boolean high = days > 2 * stageInfo[1];
            factors.add(new DealRisk.Factor("stalled_in_stage", high ? "high" : "medium",
                    "In stage for " + days.intValue() + " days (expected at most " + (int) stageInfo[1] + ")",
                    "Agree a dated next step with the buyer or re-qualify the deal"));
        }
        if (!present(deal.get("champion"))) {
            factors.add(new DealRisk.Factor("no_champion", "high", "No champion identified",
                    "Find someone inside the account who gains from this deal and will sell it internally"));
        }
        Object budget = deal.containsKey("budget_confirmed") ? deal.get("budget_confirmed") : deal.get("budget");
        if (!present(budget)) {
            boolean early = stageInfo[0] <= 0.25;
            factors.add(new DealRisk.Factor("budget_unconfirmed", early ? "medium" : "high", "Budget not confirmed",
                    "Confirm the budget amount and its approver with the economic buyer"));
        }
        int stakeholders = count(deal.get("stakeholders"));
        if (stakeholders <= 1) {
            factors.add(new DealRisk.Factor("single_threaded", "high",
                    stakeholders == 0 ? "No stakeholders recorded" : "Single-threaded: one stakeholder",
                    "Multi-thread: meet at least two more people in the buying group"));
        } else if (stakeholders == 2) {
            factors.add(new DealRisk.Factor("thin_coverage", "medium", "Only two stakeholders engaged",
                    "Add a third contact, ideally the economic buyer"));
        }
        int competitors = count(deal.get("competitors"));
        if (competitors >= 3) {
            factors.add(new DealRisk.Factor("crowded_competition", "high", competitors + " competitors in the deal",
                    "Sharpen differentiation and get the decision criteria written in your favour"));
        } else if (competitors >= 1) {
            factors.add(new DealRisk.Factor("competition", "medium", competitors + " competitor(s) in the deal",
                    "Know each competitor's pitch and your edge against it"));
        }
        timeline(deal, factors, warnings);
        Double quiet = number(deal.get("last_activity_days"));
        if (quiet != null && quiet > 14) {
            factors.add(new DealRisk.Factor("gone_quiet", quiet > 30 ? "high" : "medium",
                    "No activity for " + quiet.intValue() + " days", "Re-engage with a concrete, valuable next step"));
        }
        double keep = 1;
        for (DealRisk.Factor f : factors) {
            keep *= 1 - weight(f.severity());
        }
        double risk = round(1 - keep);
        String level = risk < 0.30 ? "low" : risk < 0.60 ? "medium" : "high";
        double close = round(stageInfo[0] * (1 - 0.6 * risk));
        List<String> recs = factors.stream().map(DealRisk.Factor::mitigation).toList();
        return new DealRisk(risk, level, factors, close, stageInfo[0], recs.isEmpty()
                ? List.of("No risk factors found: keep the agreed plan and dates") : recs, warnings);
    }

    private void timeline(Map<String, Object> deal, List<DealRisk.Factor> factors, List<String> warnings) {
        Object raw = deal.containsKey("close_date") ? deal.get("close_date") : deal.get("timeline");
        String t = text(raw);
        if (t == null) {
            factors.add(new DealRisk.Factor("no_timeline", "medium", "No close date or timeline",
                    "Agree a decision date and the event that drives it"));
            return;
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate date = TimingGrader.dateOf(t.toLowerCase(Locale.ROOT), today).orElse(null);
        if (date == null) {
            try {
                date = LocalDate.parse(t);
            } catch (DateTimeParseException e) {
                warnings.add("could not read the timeline '" + t + "' as a date");
                return;
            }
        }
        if (date.isBefore(today)) {
            factors.add(new DealRisk.Factor("close_date_passed", "high", "Close date " + date + " has passed ("
                    + ChronoUnit.DAYS.between(date, today) + " days ago)", "Reset the close date with the buyer"));
        }
    }

    private static double weight(String severity) {
        return switch (severity) {
            case "high" -> 0.30;
            case "medium" -> 0.15;
            default -> 0.05;
        };
    }

    private static boolean present(Object v) {
        if (v == null || Boolean.FALSE.equals(v)) {
            return false;
        }
        if (v instanceof Number n) {
            return n.doubleValue() > 0;
        }
        if (v instanceof Collection<?> c) {
            return !c.isEmpty();
        }
        return EvidenceGrader.grade(v).strength() > 0;
    }

    private static int count(Object v) {
        if (v instanceof Collection<?> c) {
            return c.size();
        }
        Double n = number(v);
        return n == null ? 0 : n.intValue();
    }

    private static Double number(Object v) {
        return v instanceof Number n ? n.doubleValue() : null;
    }

    private static String text(Object v) {
        return v == null ? null : String.valueOf(v).strip().isEmpty() ? null : String.valueOf(v).strip();
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
