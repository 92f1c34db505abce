package dev.closer.sales.qualification;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A qualification framework: its criteria, in order, each with the other names people use for it
 * ("timeline" for BANT's timing, "pain" for MEDDIC's identify_pain).
 */
public record Framework(String name, List<Criterion> criteria) {

    public record Criterion(String name, List<String> aliases, String nextStep) {
    }

    private static final Map<String, Framework> KNOWN = new LinkedHashMap<>();

    static {
        Criterion budget = new Criterion("budget", List.of("money", "budget_confirmed"),
                "Confirm the budget amount and who approves it");
        Criterion authority = new Criterion("authority", List.of("decision_maker", "economic_buyer"),
                "Meet the decision maker and confirm their role in the purchase");
        Criterion need = new Criterion("need", List.of("pain", "identify_pain", "challenges"),
                "Quantify the business need and its cost of inaction");
        Criterion timing = new Criterion("timing", List.of("timeline", "timeframe", "time"),
                "Agree on a decision date and what drives it");
        add("BANT", budget, authority, need, timing);
        Criterion metrics = new Criterion("metrics", List.of("metric", "success_metrics"),
                "Agree on the measurable outcome the buyer expects");
        Criterion economicBuyer = new Criterion("economic_buyer", List.of("eb", "buyer", "authority"),
                "Get access to the economic buyer and confirm they own the budget");
        Criterion decisionCriteria = new Criterion("decision_criteria", List.of("criteria"),
                "Write down the buyer's decision criteria and how you meet each");
        Criterion decisionProcess = new Criterion("decision_process", List.of("process"),
                "Map the decision process: steps, people and dates");
        Criterion pain = new Criterion("identify_pain", List.of("pain", "implicate_pain", "need"),
                "Identify the pain in the buyer's words and what it costs them");
        Criterion champion = new Criterion("champion", List.of("internal_champion"),
                "Find and test a champion who sells for you internally");
        Criterion competition = new Criterion("competition", List.of("competitors", "competitor"),
                "Name the competitors in the deal and your edge over each");
        add("MEDDIC", metrics, economicBuyer, decisionCriteria, decisionProcess, pain, champion);
        add("MEDDICC", metrics, economicBuyer, decisionCriteria, decisionProcess, pain, champion, competition);
        add("CHAMP", new Criterion("challenges", List.of("challenge", "pain", "need"),
                        "Confirm the challenges the buyer wants solved"),
                new Criterion("authority", List.of("decision_maker", "economic_buyer"),
                        "Meet the decision maker and confirm their role in the purchase"),
                new Criterion("money", List.of("budget"), "Confirm the budget amount and who approves it"),
                new Criterion("prioritization", List.of("priority", "timing", "timeline"),
                        "Confirm where this ranks among the buyer's priorities"));
        add("GPCTBA/C&I", new Criterion("goals", List.of("goal"), "Write down the buyer's goals"),
                new Criterion("plans", List.of("plan"), "Learn the buyer's current plans to reach those goals"),
                new Criterion("challenges", List.of("challenge", "pain"), "Confirm the challenges in the way"),
                new Criterion("timeline", List.of("timing"), "Agree on a decision date and what drives it"),
                new Criterion("budget", List.of("money"), "Confirm the budget amount and who approves it"),
                new Criterion("authority", List.of("decision_maker"), "Meet the decision maker"),
                new Criterion("negative_consequences", List.of("consequences"),
                        "Establish what happens if the buyer does nothing"),
                new Criterion("positive_implications", List.of("implications", "benefits"),
                        "Establish what success would mean for the buyer"));
    }

    private static void add(String name, Criterion... criteria) {
        KNOWN.put(name, new Framework(name, List.of(criteria)));
    }

    /** Case-insensitive; "GPCTBA", "GPCTBA/C&I" and "GPCT" all name the last framework. */
    public static Optional<Framework> named(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String key = name.strip().toUpperCase(Locale.ROOT);
        if (key.startsWith("GPCT")) {
            key = "GPCTBA/C&I";
        }
        return Optional.ofNullable(KNOWN.get(key));
    }

    public static List<String> names() {
        return List.copyOf(KNOWN.keySet());
    }

    /** The criterion a given input name means: its own name first, then an alias. */
    public Optional<Criterion> criterion(String inputName) {
        String k = inputName.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        for (Criterion c : criteria) {
            if (c.name().equals(k)) {
                return Optional.of(c);
            }
        }
        for (Criterion c : criteria) {
            if (c.aliases().contains(k)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
