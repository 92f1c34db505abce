package dev.closer.sales.territory;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Regions and what they contain ("US West Coast" contains California, CA, Seattle, ...;
 * "North America" contains the United States and all its regions). An account's place fits a
 * target region 1.0 when the region contains it, 0.5 when the place is a larger area that
 * contains the region (an account in "United States" for a "US West Coast" target may or may not
 * be there), and 0 otherwise.
 */
public final class Geography {

    private final Map<String, Set<String>> children = new HashMap<>();
    private final Map<String, String> aliases = new HashMap<>();

    public Geography() {
        region("us west coast", "california", "oregon", "washington", "ca", "or", "wa", "san francisco", "los angeles",
                "seattle", "portland", "san diego", "san jose", "silicon valley", "bay area", "sf");
        region("us east coast", "new york", "ny", "massachusetts", "ma", "new jersey", "nj", "virginia", "va", "maryland",
                "md", "florida", "fl", "boston", "nyc", "new york city", "washington dc", "dc", "miami", "philadelphia",
                "pennsylvania", "pa", "connecticut", "ct", "north carolina", "nc", "georgia", "ga", "atlanta");
        region("us midwest", "illinois", "il", "chicago", "ohio", "oh", "michigan", "mi", "minnesota", "mn", "wisconsin",
                "wi", "indiana", "in", "missouri", "mo", "detroit", "minneapolis");
        region("us south", "texas", "tx", "austin", "dallas", "houston", "tennessee", "tn", "nashville", "louisiana", "la",
                "alabama", "al", "oklahoma", "ok", "arizona", "az", "phoenix");
        region("us mountain", "colorado", "co", "denver", "utah", "ut", "salt lake city", "nevada", "nv", "las vegas", "idaho");
        region("united states", "us west coast", "us east coast", "us midwest", "us south", "us mountain");
        region("canada", "ontario", "toronto", "quebec", "montreal", "british columbia", "vancouver", "alberta", "calgary");
        region("mexico", "mexico city", "monterrey", "guadalajara");
        region("north america", "united states", "canada", "mexico");
        region("uk", "london", "england", "scotland", "manchester", "edinburgh");
        region("dach", "germany", "austria", "switzerland", "berlin", "munich", "zurich", "vienna");
        region("nordics", "sweden", "norway", "denmark", "finland", "stockholm", "oslo", "copenhagen", "helsinki");
        region("europe", "uk", "dach", "nordics", "france", "paris", "spain", "madrid", "italy", "netherlands", "amsterdam",
                "ireland", "dublin", "belgium", "poland", "portugal");
        region("middle east", "uae", "dubai", "saudi arabia", "israel", "tel aviv", "qatar");
        region("africa", "south africa", "nigeria", "kenya", "egypt");
        region("emea", "europe", "middle east", "africa");
        region("latam", "brazil", "sao paulo", "argentina", "chile", "colombia", "peru", "mexico");
        region("apac", "australia", "sydney", "melbourne", "new zealand", "japan", "tokyo", "singapore", "india",
                "bangalore", "mumbai", "china", "hong kong", "south korea", "seoul", "indonesia", "philippines");
        region("global", "north america", "emea", "latam", "apac");
        alias("us", "united states");
        alias("usa", "united states");
        alias("u s", "united states");
        alias("united states of america", "united states");
        alias("america", "united states");
        alias("west coast", "us west coast");
        alias("east coast", "us east coast");
        alias("midwest", "us midwest");
        alias("pacific northwest", "us west coast");
        alias("united kingdom", "uk");
        alias("great britain", "uk");
        alias("asia pacific", "apac");
        alias("asia", "apac");
        alias("latin america", "latam");
        alias("south america", "latam");
        alias("eu", "europe");
        alias("worldwide", "global");
        alias("na", "north america");
        alias("amer", "north america");
    }

    private void region(String name, String... members) {
        children.computeIfAbsent(name, k -> new HashSet<>()).addAll(Set.of(members));
    }

    private void alias(String from, String to) {
        aliases.put(from, to);
    }

    /** The canonical name of a place ("USA" → "united states"). */
    public String canonical(String place) {
        String p = IndustryTaxonomy.normalise(place).replace('-', ' ');
        return aliases.getOrDefault(p, p);
    }

    /** Whether {@code region} contains {@code place} (or is it). */
    public boolean contains(String region, String place) {
        if (region.equals(place)) {
            return true;
        }
        Set<String> kids = children.get(region);
        if (kids == null) {
            return false;
        }
        for (String k : kids) {
            if (contains(k, place)) {
                return true;
            }
        }
        return false;
    }

    public boolean known(String place) {
        String c = canonical(place);
        return children.containsKey(c) || children.values().stream().anyMatch(s -> s.contains(c));
    }

    /** 1.0 inside the target, 0.5 a larger area around it, 0 elsewhere. Places may be "Seattle, WA". */
    public double fit(String target, String accountPlace) {
        String region = canonical(target);
        String place = canonical(accountPlace);
        if (contains(region, place)) {
            return 1.0;
        }
        // "Seattle, WA" or "Austin TX": try each comma-separated part.
        for (String part : accountPlace.split(",")) {
            if (!part.isBlank() && contains(region, canonical(part))) {
                return 1.0;
            }
        }
        return contains(place, region) ? 0.5 : 0.0;
    }
}
