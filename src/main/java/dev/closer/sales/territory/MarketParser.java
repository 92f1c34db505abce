package dev.closer.sales.territory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Normalises a market definition as the user wrote it. A range that cannot be read at all is an
 * error naming the field (nothing is stored); what can be read but not placed — an industry not in
 * the taxonomy, a region not known — is kept as written and reported as a warning.
 */
public final class MarketParser {

    private final IndustryTaxonomy taxonomy;
    private final Geography geography;

    public MarketParser(IndustryTaxonomy taxonomy, Geography geography) {
        this.taxonomy = taxonomy;
        this.geography = geography;
    }

    public record Parsed(MarketDefinition market, List<String> warnings) {
    }

    /** A field that cannot be parsed: the JSON-pointer path and the problem. */
    public static final class InvalidField extends RuntimeException {
        private final String field;

        public InvalidField(String field, String problem) {
            super(problem);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    @SuppressWarnings("unchecked")
    public Parsed parse(Map<String, Object> raw) {
        List<String> warnings = new ArrayList<>();
        List<String> industries = raw.get("industries") instanceof List<?> l ? (List<String>) l : List.of();
        LinkedHashSet<String> canonical = new LinkedHashSet<>();
        for (int i = 0; i < industries.size(); i++) {
            String name = industries.get(i);
            var resolved = taxonomy.resolve(name);
            if (resolved.isPresent()) {
                canonical.add(resolved.get().canonical());
            } else {
                warnings.add("/market_definition/industries/" + i + ": '" + name
                        + "' is not in the industry taxonomy; accounts will match it only by the exact name");
                canonical.add(name);
            }
        }
        NumericRange revenue = range(raw.get("revenue_range"), "/market_definition/revenue_range");
        NumericRange employees = range(raw.get("employee_count_range"), "/market_definition/employee_count_range");
        String geo = raw.get("geography") instanceof String g && !g.isBlank() ? g.strip() : null;
        if (geo != null && !geography.known(geo)) {
            warnings.add("/market_definition/geography: '" + geo + "' is not a known region; accounts will match it only"
                    + " by the same name");
        }
        List<String> personas = raw.get("target_personas") instanceof List<?> p ? (List<String>) p : List.of();
        MarketDefinition m = new MarketDefinition(List.copyOf(industries), List.copyOf(canonical),
                revenue == null ? null : revenue.text(), revenue == null ? null : revenue.min(),
                revenue == null ? null : revenue.max(), employees == null ? null : employees.text(),
                employees == null ? null : employees.min(), employees == null ? null : employees.max(), geo,
                List.copyOf(personas));
        if (industries.isEmpty() && revenue == null && employees == null && geo == null) {
            throw new InvalidField("/market_definition", "the market defines no criterion; give at least one of industries,"
                    + " revenue_range, employee_count_range or geography");
        }
        return new Parsed(m, warnings);
    }

    private static NumericRange range(Object value, String field) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            return null;
        }
        try {
            return NumericRange.parse(String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw new InvalidField(field, e.getMessage());
        }
    }
}
