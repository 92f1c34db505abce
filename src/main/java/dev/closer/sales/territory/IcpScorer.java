package dev.closer.sales.territory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores accounts against one market (rules also in the tool's description). Criteria and
 * weights: industry 0.40, revenue 0.30, employees 0.15, geography 0.15; a criterion the market
 * does not set is left out and the others' weights are scaled to sum to 1. Industry: 1.0 same
 * industry as a target, 0.6 same sector, 0 otherwise (see {@link IndustryTaxonomy}). Revenue and
 * employees: 1.0 inside the range, else 1 − orders of magnitude to the nearest bound (see
 * {@link NumericRange#fit}). Geography: see {@link Geography#fit}. A field missing on the account
 * scores a neutral 0.5 and says so. Labels: ≥ 0.9 "Perfect ICP match", ≥ 0.7 "Strong", ≥ 0.4
 * "Moderate", else "Poor".
 *
 * <p>One scorer serves one batch: each distinct industry and place string is resolved once and
 * remembered, so a 100,000-account batch pays the taxonomy lookup once per distinct string.
 */
public final class IcpScorer {

    static final double W_INDUSTRY = 0.40;
    static final double W_REVENUE = 0.30;
    static final double W_EMPLOYEES = 0.15;
    static final double W_GEOGRAPHY = 0.15;
    private static final double NEUTRAL = 0.5;

    private final IndustryTaxonomy taxonomy;
    private final Geography geography;
    private final MarketDefinition market;
    private final List<IndustryTaxonomy.Industry> targets = new ArrayList<>();
    private final NumericRange revenue;
    private final NumericRange employees;
    private final double wIndustry;
    private final double wRevenue;
    private final double wEmployees;
    private final double wGeography;
    private final Map<String, IcpScore.Part> industryCache = new HashMap<>();
    private final Map<String, IcpScore.Part> placeCache = new HashMap<>();
    private final IcpScore.Part[] fixed = new IcpScore.Part[8];

    public IcpScorer(IndustryTaxonomy taxonomy, Geography geography, MarketDefinition market) {
        this.taxonomy = taxonomy;
        this.geography = geography;
        this.market = market;
        for (String c : market.canonicalIndustries()) {
            targets.add(taxonomy.resolve(c).orElse(new IndustryTaxonomy.Industry(c, "(" + c + ")")));
        }
        this.revenue = market.revenueRange() == null ? null : new NumericRange(market.revenueRange(), market.revenueMin(), market.revenueMax());
        this.employees = market.employeeCountRange() == null ? null
                : new NumericRange(market.employeeCountRange(), market.employeeMin(), market.employeeMax());
        double wi = targets.isEmpty() ? 0 : W_INDUSTRY;
        double wr = revenue == null ? 0 : W_REVENUE;
        double we = employees == null ? 0 : W_EMPLOYEES;
        double wg = market.geography() == null ? 0 : W_GEOGRAPHY;
        double sum = wi + wr + we + wg;
        this.wIndustry = wi / sum;
        this.wRevenue = wr / sum;
        this.wEmployees = we / sum;
        this.wGeography = wg / sum;
        // Parts that do not depend on the account's own value are built once per batch.
        fixed[0] = new IcpScore.Part(NEUTRAL, round(wIndustry), "no industry given: scored neutral 0.5");
        fixed[1] = new IcpScore.Part(NEUTRAL, round(wRevenue), "no revenue given: scored neutral 0.5");
        fixed[2] = new IcpScore.Part(NEUTRAL, round(wEmployees), "no employee count given: scored neutral 0.5");
        fixed[3] = new IcpScore.Part(NEUTRAL, round(wGeography), "no geography given: scored neutral 0.5");
        fixed[4] = revenue == null ? null : new IcpScore.Part(1.0, round(wRevenue), "revenue inside the target range " + revenue.text());
        fixed[5] = employees == null ? null : new IcpScore.Part(1.0, round(wEmployees), "employee count inside the target range " + employees.text());
    }

    public IcpScore score(Account a) {
        Map<String, IcpScore.Part> parts = new LinkedHashMap<>(8);
        double total = 0;
        if (wIndustry > 0) {
            IcpScore.Part p = a.industry() == null ? fixed[0] : industryCache.computeIfAbsent(a.industry(), this::industry);
            parts.put("industry", p);
            total += p.score() * wIndustry;
        }
        if (wRevenue > 0) {
            IcpScore.Part p = a.revenue() == null ? fixed[1] : revenue.contains(a.revenue()) ? fixed[4] : range("revenue", revenue, a.revenue(), wRevenue);
            parts.put("revenue", p);
            total += p.score() * wRevenue;
        }
        if (wEmployees > 0) {
            IcpScore.Part p = a.employees() == null ? fixed[2] : employees.contains(a.employees()) ? fixed[5]
                    : range("employee count", employees, a.employees(), wEmployees);
            parts.put("employees", p);
            total += p.score() * wEmployees;
        }
        if (wGeography > 0) {
            IcpScore.Part p = a.geography() == null ? fixed[3] : placeCache.computeIfAbsent(a.geography(), this::place);
            parts.put("geography", p);
            total += p.score() * wGeography;
        }
        double score = round(total);
        List<String> reasons = new ArrayList<>(parts.size());
        for (IcpScore.Part p : parts.values()) {
            reasons.add(p.reason());
        }
        return new IcpScore(score, label(score), parts, reasons);
    }

    static String label(double score) {
        if (score >= 0.9) {
            return "Perfect ICP match";
        }
        if (score >= 0.7) {
            return "Strong ICP match";
        }
        return score >= 0.4 ? "Moderate ICP match" : "Poor ICP match";
    }

    private IcpScore.Part industry(String name) {
        var resolved = taxonomy.resolve(name);
        double best = 0;
        String bestTarget = null;
        for (IndustryTaxonomy.Industry t : targets) {
            double s = resolved.map(r -> IndustryTaxonomy.similarity(r, t))
                    .orElse(name.equalsIgnoreCase(t.canonical()) ? 1.0 : 0.0);
            if (s > best) {
                best = s;
                bestTarget = t.canonical();
            }
        }
        String as = resolved.map(r -> r.canonical().equalsIgnoreCase(name) ? "" : " (read as " + r.canonical() + ")").orElse("");
        String reason = best == 1.0 ? "industry '" + name + "'" + as + " is a target industry"
                : best > 0 ? "industry '" + name + "'" + as + " is in the same sector as target '" + bestTarget + "'"
                : "industry '" + name + "'" + as + " is not a target industry (" + String.join(", ", market.industries()) + ")";
        return new IcpScore.Part(best, round(wIndustry), reason);
    }

    private IcpScore.Part place(String place) {
        double s = geography.fit(market.geography(), place);
        String reason = s == 1.0 ? "'" + place + "' is inside " + market.geography()
                : s > 0 ? "'" + place + "' is a larger area around " + market.geography() + ": partial fit"
                : "'" + place + "' is outside " + market.geography();
        return new IcpScore.Part(s, round(wGeography), reason);
    }

    private static IcpScore.Part range(String what, NumericRange r, double value, double weight) {
        double s = r.fit(value);
        String side = value < r.min() ? "below" : "above";
        return new IcpScore.Part(round(s), round(weight), what + " " + compact(value) + " is " + side + " the target range "
                + r.text() + (s == 0 ? " by ten times or more" : ""));
    }

    static String compact(double v) {
        if (v >= 1e9) {
            return trim(v / 1e9) + "B";
        }
        if (v >= 1e6) {
            return trim(v / 1e6) + "M";
        }
        return v >= 1e4 ? trim(v / 1e3) + "K" : trim(v);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(Math.round(v * 10) / 10.0);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
