package dev.closer.sales.accounts;

import java.util.Set;

/** Something observed about an account that bears on whether it will buy. */
public record Signal(String type, String description, double strength, String observedAt, String source) {

    /** Signal types; the first five are buying signals, contraction counts against. */
    public static final Set<String> TYPES = Set.of("expansion_hiring", "recent_funding", "tech_adoption",
            "leadership_change", "engagement", "contraction");
    public static final Set<String> BUYING = Set.of("expansion_hiring", "recent_funding", "tech_adoption",
            "leadership_change", "engagement");
}
