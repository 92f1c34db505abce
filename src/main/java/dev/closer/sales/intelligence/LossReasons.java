package dev.closer.sales.intelligence;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Groups free-text loss reasons into categories by keyword: price ("price", "too expensive",
 * "budget", "cost"), timing ("timing", "not now", "no urgency", "next year"), competitor
 * ("competitor", "went with", "lost to", "chose"), no_decision ("no decision", "went dark",
 * "stalled", "ghosted"), product_fit ("feature", "fit", "integration", "requirement"), else other.
 */
final class LossReasons {

    static final Map<String, String> RECOMMENDATIONS = new LinkedHashMap<>();

    static {
        RECOMMENDATIONS.put("price", "Consider value-based pricing or early price anchoring");
        RECOMMENDATIONS.put("timing", "Improve timing qualification in discovery calls");
        RECOMMENDATIONS.put("competitor", "Strengthen competitive positioning and differentiation");
        RECOMMENDATIONS.put("no_decision", "Build urgency and a mutual action plan with the economic buyer");
        RECOMMENDATIONS.put("product_fit", "Qualify requirements earlier and share them with product");
        RECOMMENDATIONS.put("other", "Review these losses one by one in the next pipeline review");
    }

    private static final String[][] KEYWORDS = {
        {"no_decision", "no decision", "went dark", "stalled", "ghost", "unresponsive", "status quo", "did nothing"},
        {"competitor", "competitor", "competition", "went with", "lost to", "chose ", "switched to", "incumbent"},
        {"price", "price", "pricing", "expensive", "budget", "cost", "cheaper", "afford"},
        {"timing", "timing", "not now", "no urgency", "next year", "later", "bad time", "priorit", "postpone", "delay"},
        {"product_fit", "feature", "fit", "integration", "requirement", "missing", "functionality", "security review"},
    };

    private final Map<String, String> cache = new java.util.HashMap<>();

    String categorize(String reason) {
        return cache.computeIfAbsent(reason, r -> {
            String t = r.toLowerCase(Locale.ROOT);
            for (String[] k : KEYWORDS) {
                for (int i = 1; i < k.length; i++) {
                    if (t.contains(k[i])) {
                        return k[0];
                    }
                }
            }
            return "other";
        });
    }
}
