package dev.closer.sales.intelligence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Deals with planted patterns (the same generator as examples/generate_deals.py): Technology wins
 * 80%, Healthcare 60%, Manufacturing 30%; 10-50M revenue accounts win more; price is the top loss
 * reason; won deals score higher on qualification. {@code random} mode plants nothing: every deal
 * is a coin flip.
 */
public final class SyntheticDeals {

    private static final String[] INDUSTRIES = {"Technology", "Healthcare", "Manufacturing"};
    private static final double[] WIN = {0.80, 0.60, 0.30};
    private static final String[] REGIONS = {"North America", "EMEA", "APAC"};
    private static final String[][] TITLES = {{"VP of Sales", "champion"}, {"Vice President, Sales", "champion"},
        {"Chief Financial Officer", "decision_maker"}, {"CFO", "decision_maker"}, {"CTO", "influencer"}, {"Sales Ops Manager", "user"}};

    private SyntheticDeals() {
    }

    public static List<Map<String, Object>> planted(int n, long seed) {
        return make(n, seed, false);
    }

    public static List<Map<String, Object>> random(int n, long seed) {
        return make(n, seed, true);
    }

    private static List<Map<String, Object>> make(int n, long seed, boolean random) {
        Random r = new Random(seed);
        List<Map<String, Object>> out = new ArrayList<>(n);
        LocalDate start = LocalDate.of(2025, 10, 1);
        for (int i = 0; i < n; i++) {
            int ind = r.nextInt(3);
            double revenue = new double[]{5e6, 20e6, 40e6, 80e6, 300e6}[r.nextInt(5)];
            double p = random ? 0.5 : WIN[ind] + (revenue >= 10e6 && revenue < 50e6 ? 0.08 : -0.05);
            boolean won = r.nextDouble() < p;
            Map<String, Object> account = new LinkedHashMap<>();
            account.put("name", "Account " + i);
            account.put("industry", INDUSTRIES[ind]);
            account.put("revenue", revenue);
            account.put("region", REGIONS[r.nextInt(3)]);
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("deal_id", "deal-" + i);
            d.put("outcome", won ? "won" : "lost");
            d.put("account", account);
            d.put("deal_value", 20_000 + r.nextInt(200) * 1000);
            d.put("sales_cycle_days", 20 + r.nextInt(60));
            d.put("qualification_score", random ? Math.round(r.nextDouble() * 100) / 100.0
                    : Math.round(Math.min(1, Math.max(0, (won ? 0.78 : 0.55) + r.nextGaussian() * 0.08)) * 100) / 100.0);
            d.put("close_date", start.plusDays(r.nextInt(90)).toString());
            if (!won) {
                double x = r.nextDouble();
                d.put("loss_reason", random ? new String[]{"price", "timing", "competitor"}[r.nextInt(3)]
                        : x < 0.45 ? new String[]{"Price", "too expensive", "No budget this year"}[r.nextInt(3)]
                        : x < 0.75 ? "Bad timing" : "Went with a competitor");
            }
            List<Map<String, Object>> contacts = new ArrayList<>();
            for (int c = 0; c < 2; c++) {
                String[] t = TITLES[r.nextInt(TITLES.length)];
                contacts.add(Map.of("title", t[0], "role", t[1]));
            }
            d.put("contacts", contacts);
            out.add(d);
        }
        return out;
    }
}
