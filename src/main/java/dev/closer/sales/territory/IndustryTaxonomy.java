package dev.closer.sales.territory;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A curated industry taxonomy: canonical industries, each in a sector, with the names people use
 * for them. A name resolves by its normalised form (case, punctuation, "&" = "and"), else by a
 * known name whose words all appear in it ("Enterprise SaaS" → SaaS). Matching: the same
 * canonical industry 1.0, the same sector 0.6 (SaaS and Cloud Infrastructure are both
 * Technology), otherwise 0.
 */
public final class IndustryTaxonomy {

    public record Industry(String canonical, String sector) {
    }

    private static final String[][] ENTRIES = {
        // canonical, sector, synonyms...
        {"SaaS", "Technology", "saas", "software as a service", "cloud software", "b2b software", "subscription software", "software"},
        {"Cloud Infrastructure", "Technology", "cloud infrastructure", "cloud", "iaas", "paas", "infrastructure as a service", "cloud computing", "hosting", "data center", "devops"},
        {"Technology", "Technology", "technology", "tech", "information technology", "it", "it services", "computer software", "internet", "high tech"},
        {"Cybersecurity", "Technology", "cybersecurity", "security software", "information security", "infosec", "computer and network security"},
        {"Data & Analytics", "Technology", "analytics", "data analytics", "big data", "business intelligence", "data", "ai", "artificial intelligence", "machine learning"},
        {"Telecommunications", "Technology", "telecommunications", "telecom", "wireless", "networking"},
        {"Healthcare", "Healthcare", "healthcare", "health care", "health", "hospitals", "hospital", "hospital and health care", "medical practice", "clinics"},
        {"Life Sciences", "Healthcare", "life sciences", "biotech", "biotechnology", "pharmaceuticals", "pharma", "medical devices"},
        {"Financial Services", "Finance", "financial services", "finance", "fintech", "banking", "banks", "capital markets", "investment management", "payments"},
        {"Insurance", "Finance", "insurance", "insurtech"},
        {"Manufacturing", "Industrial", "manufacturing", "industrial", "industrial automation", "machinery", "automotive", "aerospace", "electronics manufacturing"},
        {"Retail", "Consumer", "retail", "e-commerce", "ecommerce", "online retail", "consumer goods", "cpg", "consumer packaged goods"},
        {"Education", "Public", "education", "edtech", "higher education", "e-learning", "schools"},
        {"Government", "Public", "government", "public sector", "government administration", "defense"},
        {"Media", "Consumer", "media", "entertainment", "publishing", "gaming", "advertising", "marketing and advertising"},
        {"Energy", "Industrial", "energy", "oil and gas", "utilities", "renewables", "renewable energy"},
        {"Logistics", "Industrial", "logistics", "transportation", "supply chain", "shipping", "freight"},
        {"Real Estate", "Services", "real estate", "proptech", "construction", "commercial real estate"},
        {"Professional Services", "Services", "professional services", "consulting", "management consulting", "legal", "accounting", "staffing"},
        {"Hospitality", "Consumer", "hospitality", "travel", "hotels", "restaurants", "food and beverage"},
        {"Nonprofit", "Public", "nonprofit", "non-profit", "non profit", "ngo", "charity"},
    };

    private final Map<String, Industry> byName = new HashMap<>();
    private final List<Map.Entry<String[], Industry>> byWords;

    public IndustryTaxonomy() {
        java.util.ArrayList<Map.Entry<String[], Industry>> words = new java.util.ArrayList<>();
        for (String[] e : ENTRIES) {
            Industry industry = new Industry(e[0], e[1]);
            byName.put(normalise(e[0]), industry);
            for (int i = 2; i < e.length; i++) {
                byName.put(normalise(e[i]), industry);
                words.add(Map.entry(normalise(e[i]).split(" "), industry));
            }
        }
        // Longer names first, so "cloud software" (SaaS) wins over "cloud" (infrastructure).
        words.sort((a, b) -> b.getKey().length - a.getKey().length);
        this.byWords = List.copyOf(words);
    }

    public Optional<Industry> resolve(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String n = normalise(name);
        Industry exact = byName.get(n);
        if (exact != null) {
            return Optional.of(exact);
        }
        List<String> tokens = List.of(n.split(" "));
        for (Map.Entry<String[], Industry> e : byWords) {
            if (tokens.containsAll(List.of(e.getKey()))) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }

    /** 1.0 same industry, 0.6 same sector, else 0. */
    public static double similarity(Industry a, Industry b) {
        if (a.canonical().equals(b.canonical())) {
            return 1.0;
        }
        return a.sector().equals(b.sector()) ? 0.6 : 0.0;
    }

    static String normalise(String s) {
        String t = s.toLowerCase(Locale.ROOT).replace("&", " and ");
        StringBuilder sb = new StringBuilder(t.length());
        boolean space = true;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(c);
                space = false;
            } else if (!space && c != '-' && c != '\'') {
                sb.append(' ');
                space = true;
            } else if (c == '-' && !space) {
                sb.append('-');
            }
        }
        return sb.toString().strip();
    }
}
