package dev.closer.sales.intelligence;

import java.util.ArrayList;
import java.util.List;

/**
 * The words of the analysis. A pattern is "strong" with confidence ≥ 0.8 and a win rate at least
 * 0.10 above the overall rate, otherwise "moderate". ICP recommendations: [0] industries — the
 * strong industry patterns (else the moderate ones), joined with ", "; [1] revenue_range — the
 * top-ranked revenue band. Their confidence is the lowest confidence among what they name.
 */
final class Recommendations {

    private Recommendations() {
    }

    static String forPattern(String type, String value, double rate, double overall, double confidence) {
        boolean strong = confidence >= 0.8 && rate - overall >= 0.10;
        return switch (type) {
            case "industry" -> strong ? "Strong fit: Target more " + value + " accounts"
                    : "Moderate fit: Continue targeting but not primary focus";
            case "revenue_band" -> strong ? "Sweet spot: Focus on $" + value + " revenue range"
                    : "Moderate fit: $" + value + " accounts win above average";
            case "deal_size" -> strong ? "Sweet spot: deals of " + value + " close best; shape proposals around this size"
                    : "Deals of " + value + " win slightly above average";
            case "region" -> strong ? "Strong fit: Prioritise " + value : "Moderate fit: " + value + " wins above average";
            default -> strong ? "Invest more in " + value + " as a lead source" : value + " leads win slightly above average";
        };
    }

    static List<WinLossAnalysis.IcpRecommendation> icp(List<WinLossAnalysis.WinPattern> ranked, int industriesSeen) {
        List<WinLossAnalysis.IcpRecommendation> out = new ArrayList<>();
        List<WinLossAnalysis.WinPattern> industries = ranked.stream().filter(p -> p.patternType().equals("industry")).toList();
        List<WinLossAnalysis.WinPattern> strong = industries.stream().filter(p -> p.recommendation().startsWith("Strong")).toList();
        List<WinLossAnalysis.WinPattern> chosen = strong.isEmpty() ? industries : strong;
        out.add(new WinLossAnalysis.IcpRecommendation("industries",
                String.join(", ", chosen.stream().map(WinLossAnalysis.WinPattern::patternValue).toList()),
                chosen.stream().mapToDouble(WinLossAnalysis.WinPattern::confidence).min().orElse(0),
                chosen.isEmpty() ? "no industry wins above the overall rate with enough deals (" + industriesSeen + " industries seen)"
                        : chosen.size() + " industr" + (chosen.size() == 1 ? "y wins" : "ies win") + " above the overall rate"));
        WinLossAnalysis.WinPattern band = ranked.stream().filter(p -> p.patternType().equals("revenue_band")).findFirst().orElse(null);
        out.add(new WinLossAnalysis.IcpRecommendation("revenue_range", band == null ? "" : band.patternValue(),
                band == null ? 0 : band.confidence(), band == null ? "no revenue band wins above the overall rate with enough deals"
                : band.patternValue() + " wins " + Math.round(band.winRate() * 100) + "% of " + band.dealCount() + " deals"));
        return out;
    }
}
