package dev.closer.sales.intelligence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Buyer personas from the contacts of won deals: titles normalised ({@link TitleNormalizer}),
 * counted, with their most common buying roles. Only personas seen at least {@code minOccurrences}
 * times are reported, most frequent first. The recommendation follows the dominant role.
 */
public final class PersonaExtractor {

    public record Persona(String titlePattern, int occurrenceCount, int dealCount, List<String> typicalRoles,
                          String seniority, String department, String recommendation) {
    }

    public record Result(List<Persona> personas, int wonDeals, int contactsSeen, List<String> warnings) {
    }

    private final TitleNormalizer titles = new TitleNormalizer();
    private final Map<String, int[]> counts = new LinkedHashMap<>();
    private final Map<String, Set<String>> deals = new HashMap<>();
    private final Map<String, Map<String, Integer>> roles = new HashMap<>();
    private final Map<String, TitleNormalizer.Title> meta = new HashMap<>();
    private int wonDeals;
    private int skipped;
    private int contacts;

    public void add(Deal d) {
        if (!"won".equals(d.outcome())) {
            skipped++;
            return;
        }
        wonDeals++;
        for (Deal.Contact c : d.contacts() == null ? List.<Deal.Contact>of() : d.contacts()) {
            if (c.title() == null || c.title().isBlank()) {
                continue;
            }
            contacts++;
            TitleNormalizer.Title t = titles.normalize(c.title());
            meta.putIfAbsent(t.pattern(), t);
            counts.computeIfAbsent(t.pattern(), k -> new int[1])[0]++;
            deals.computeIfAbsent(t.pattern(), k -> new HashSet<>()).add(d.dealId() == null ? "deal-" + wonDeals : d.dealId());
            if (c.role() != null && !c.role().isBlank()) {
                roles.computeIfAbsent(t.pattern(), k -> new HashMap<>())
                        .merge(c.role().strip().toLowerCase(Locale.ROOT).replace(' ', '_'), 1, Integer::sum);
            }
        }
    }

    public Result result(int minOccurrences) {
        List<Persona> out = new ArrayList<>();
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            int n = e.getValue()[0];
            if (n < minOccurrences) {
                continue;
            }
            List<String> typical = roles.getOrDefault(e.getKey(), Map.of()).entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .map(Map.Entry::getKey).toList();
            TitleNormalizer.Title t = meta.get(e.getKey());
            out.add(new Persona(e.getKey(), n, deals.get(e.getKey()).size(), typical, t.seniority(), t.department(),
                    recommendation(e.getKey(), typical)));
        }
        out.sort((a, b) -> b.occurrenceCount() != a.occurrenceCount() ? b.occurrenceCount() - a.occurrenceCount()
                : a.titlePattern().compareTo(b.titlePattern()));
        List<String> warnings = new ArrayList<>();
        if (skipped > 0) {
            warnings.add(skipped + " deal(s) not won were ignored: personas come from won deals");
        }
        if (wonDeals == 0) {
            warnings.add("no won deals: no personas");
        }
        return new Result(out, wonDeals, contacts, warnings);
    }

    static String recommendation(String title, List<String> typicalRoles) {
        String role = typicalRoles.isEmpty() ? "" : typicalRoles.get(0);
        String plural = title.matches("[A-Z]{2,5}") ? title + "s" : title;
        return switch (role) {
            case "decision_maker", "economic_buyer" -> "Target " + plural + " as primary decision makers";
            case "champion" -> "Target " + title + " as champions, multi-thread to decision makers";
            case "influencer", "technical_buyer", "evaluator" -> "Target " + plural + " as influencers in buying process";
            case "blocker" -> "Engage " + plural + " early to address objections";
            default -> "Include " + plural + " in the buying group early";
        };
    }
}
