package dev.closer.sales.intelligence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams deals into counters: memory grows with the number of distinct pattern values, not with
 * the number of deals. Patterns: industry, revenue_band (0-10M, 10-50M, 50-100M, 100M+),
 * deal_size (&lt;25K, 25-100K, 100-250K, 250K+), region, lead_source. A segment is reported only with
 * at least {@code minDeals} closed deals; a win pattern is one whose win rate beats the overall
 * rate, ranked by the lower bound of its 95% Wilson interval; confidence is 1 − the two-sided
 * p-value of a z-test of its win rate against the overall rate ({@link Stats}).
 */
public final class WinLossAccumulator {

    private static final String[] TYPES = {"industry", "revenue_band", "deal_size", "region", "lead_source"};

    private final int minDeals;
    private final Instant since;
    private final Map<String, int[]>[] segments;
    private final Map<String, Integer> lossCounts = new LinkedHashMap<>();
    private final Map<String, List<String>> lossExamples = new HashMap<>();
    private final LossReasons reasons = new LossReasons();
    private final int[] scoreWon = new int[101];
    private final int[] scoreLost = new int[101];
    private int won;
    private int lost;
    private int open;
    private int outside;
    private int undated;
    private double valueWon;
    private int valueWonCount;
    private double cycleWon;
    private int cycleWonCount;
    private double scoreSumWon;
    private double scoreSumLost;

    @SuppressWarnings("unchecked")
    public WinLossAccumulator(int minDeals, Instant since) {
        this.minDeals = minDeals;
        this.since = since;
        this.segments = new Map[TYPES.length];
        for (int i = 0; i < TYPES.length; i++) {
            segments[i] = new HashMap<>();
        }
    }

    public void add(Deal d) {
        if (since != null) {
            if (d.closeDate() == null) {
                undated++;
                return;
            }
            if (d.closeDate().isBefore(since)) {
                outside++;
                return;
            }
        }
        boolean isWon = "won".equals(d.outcome());
        if (!isWon && !"lost".equals(d.outcome())) {
            open++;
            return;
        }
        if (isWon) {
            won++;
            if (d.dealValue() != null) {
                valueWon += d.dealValue();
                valueWonCount++;
            }
            if (d.salesCycleDays() != null) {
                cycleWon += d.salesCycleDays();
                cycleWonCount++;
            }
        } else {
            lost++;
            String reason = d.lossReason() == null || d.lossReason().isBlank() ? "unspecified" : d.lossReason();
            String category = reason.equals("unspecified") ? "other" : reasons.categorize(reason);
            lossCounts.merge(category, 1, Integer::sum);
            List<String> ex = lossExamples.computeIfAbsent(category, k -> new ArrayList<>(3));
            if (ex.size() < 3 && !ex.contains(reason)) {
                ex.add(reason);
            }
        }
        count(0, d.industry(), isWon);
        count(1, d.revenue() == null ? null : revenueBand(d.revenue()), isWon);
        count(2, d.dealValue() == null ? null : dealSize(d.dealValue()), isWon);
        count(3, d.region(), isWon);
        count(4, d.leadSource(), isWon);
        if (d.qualificationScore() != null) {
            int bucket = (int) Math.round(Math.max(0, Math.min(1, d.qualificationScore())) * 100);
            if (isWon) {
                scoreWon[bucket]++;
                scoreSumWon += d.qualificationScore();
            } else {
                scoreLost[bucket]++;
                scoreSumLost += d.qualificationScore();
            }
        }
    }

    private void count(int type, String value, boolean isWon) {
        if (value == null || value.isBlank()) {
            return;
        }
        int[] c = segments[type].computeIfAbsent(value, k -> new int[2]);
        c[isWon ? 0 : 1]++;
    }

    static String revenueBand(double revenue) {
        return revenue < 10e6 ? "0-10M" : revenue < 50e6 ? "10-50M" : revenue < 100e6 ? "50-100M" : "100M+";
    }

    static String dealSize(double value) {
        return value < 25e3 ? "<25K" : value < 100e3 ? "25-100K" : value < 250e3 ? "100-250K" : "250K+";
    }

    public WinLossAnalysis result() {
        int closed = won + lost;
        List<String> warnings = new ArrayList<>();
        if (undated > 0) {
            warnings.add(undated + " deal(s) have no close_date and were left out of the time_period_days window");
        }
        if (closed == 0) {
            warnings.add("no closed (won or lost) deals" + (since == null ? "" : " in the period") + ": no patterns can be found");
        }
        Double rate = closed == 0 ? null : round(won / (double) closed);
        List<WinLossAnalysis.WinPattern> patterns = new ArrayList<>();
        if (closed > 0) {
            double p0 = won / (double) closed;
            for (int t = 0; t < TYPES.length; t++) {
                for (Map.Entry<String, int[]> e : segments[t].entrySet()) {
                    int n = e.getValue()[0] + e.getValue()[1];
                    int w = e.getValue()[0];
                    if (n < minDeals || w / (double) n <= p0) {
                        continue;
                    }
                    double conf = Stats.confidence(w, n, p0);
                    patterns.add(new WinLossAnalysis.WinPattern(TYPES[t], e.getKey(), round(w / (double) n), n, w, round(conf),
                            round(Stats.wilsonLower(w, n)), Recommendations.forPattern(TYPES[t], e.getKey(), w / (double) n, p0, conf)));
                }
            }
        }
        patterns.sort(Comparator.comparingDouble(WinLossAnalysis.WinPattern::wilsonLower).reversed()
                .thenComparing(WinLossAnalysis.WinPattern::patternValue));
        List<WinLossAnalysis.LossPattern> losses = new ArrayList<>();
        lossCounts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> losses.add(new WinLossAnalysis.LossPattern(e.getKey(), round(e.getValue() / (double) lost),
                        e.getValue(), lossExamples.getOrDefault(e.getKey(), List.of()), LossReasons.RECOMMENDATIONS.get(e.getKey()))));
        return new WinLossAnalysis(new WinLossAnalysis.Summary(won + lost + open, won, lost, open, rate,
                valueWonCount == 0 ? null : round(valueWon / valueWonCount), cycleWonCount == 0 ? null : round(cycleWon / cycleWonCount),
                outside + undated), patterns, losses, Recommendations.icp(patterns, segments[0].size()), insights(), warnings);
    }

    /** The qualification_score cut (in steps of 0.01) that best separates won from lost deals. */
    private WinLossAnalysis.QualificationInsights insights() {
        int totalWon = 0;
        int totalLost = 0;
        for (int i = 0; i <= 100; i++) {
            totalWon += scoreWon[i];
            totalLost += scoreLost[i];
        }
        int n = totalWon + totalLost;
        if (n == 0 || totalWon == 0 || totalLost == 0) {
            return new WinLossAnalysis.QualificationInsights(null, null, totalWon == 0 ? null : round(scoreSumWon / totalWon),
                    totalLost == 0 ? null : round(scoreSumLost / totalLost), n,
                    "Record qualification_score on both won and lost deals to find a useful threshold");
        }
        int bestCut = 0;
        int bestCorrect = -1;
        int wonBelow = 0;
        int lostBelow = 0;
        for (int cut = 0; cut <= 100; cut++) {
            int correct = (totalWon - wonBelow) + lostBelow; // predict "won" at or above the cut
            if (correct > bestCorrect) {
                bestCorrect = correct;
                bestCut = cut;
            }
            wonBelow += scoreWon[cut];
            lostBelow += scoreLost[cut];
        }
        double threshold = bestCut / 100.0;
        double accuracy = round(bestCorrect / (double) n);
        return new WinLossAnalysis.QualificationInsights(threshold, accuracy, round(scoreSumWon / totalWon),
                round(scoreSumLost / totalLost), n, "Qualify at " + threshold + ": it separates won from lost deals with "
                + Math.round(accuracy * 100) + "% accuracy on these " + n + " deals");
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
