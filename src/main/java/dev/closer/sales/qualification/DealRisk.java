package dev.closer.sales.qualification;

import java.util.List;

/** A deal's risk: score 0..1, level, the factors found, and the close probability after risk. */
public record DealRisk(double riskScore, String riskLevel, List<Factor> riskFactors, double closeProbability,
                       double stageProbability, List<String> recommendations, List<String> warnings) {

    public record Factor(String factor, String severity, String description, String mitigation) {
    }
}
