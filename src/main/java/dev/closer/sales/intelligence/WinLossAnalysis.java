package dev.closer.sales.intelligence;

import java.util.List;

/** analyze_win_loss_patterns' result; names are the seed guide's once snake-cased. */
public record WinLossAnalysis(Summary summary, List<WinPattern> winPatterns, List<LossPattern> lossPatterns,
                              List<IcpRecommendation> icpRecommendations, QualificationInsights qualificationInsights,
                              List<String> warnings) {

    public record Summary(int totalDeals, int wonCount, int lostCount, int openCount, Double winRate,
                          Double avgDealValueWon, Double avgSalesCycleWon, int dealsOutsidePeriod) {
    }

    public record WinPattern(String patternType, String patternValue, double winRate, int dealCount, int wonCount,
                             double confidence, double wilsonLower, String recommendation) {
    }

    public record LossPattern(String lossReason, double percentage, int count, List<String> examples, String recommendation) {
    }

    public record IcpRecommendation(String criterion, String recommended, double confidence, String evidence) {
    }

    public record QualificationInsights(Double bestThreshold, Double accuracy, Double wonAvgScore, Double lostAvgScore,
                                        int dealsWithScore, String recommendation) {
    }
}
