package dev.closer.sales.territory;

import java.util.List;
import java.util.Map;

/** One account's fit: score 0..1, its label, the per-criterion breakdown and the reasons in words. */
public record IcpScore(double icpScore, String recommendation, Map<String, Part> breakdown, List<String> reasons) {

    /** One criterion: its score 0..1, its weight in the total, and why. */
    public record Part(double score, double weight, String reason) {
    }
}
