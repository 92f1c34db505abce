package dev.closer.sales.qualification;

import java.util.List;

/** A graded opportunity; field names are the seed guide's once snake-cased. */
public record QualificationResult(double score, boolean qualified, double threshold, String thresholdSource,
                                  String recommendation, String framework, List<CriterionScore> criteriaBreakdown,
                                  List<String> gaps, List<String> nextSteps, List<String> warnings) {

    /** One criterion: what was given, how strong it is, the evidence read from it and what is missing. */
    public record CriterionScore(String criterion, Object value, double strength, String evidence, String gap) {
    }
}
