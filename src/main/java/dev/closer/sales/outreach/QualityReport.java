package dev.closer.sales.outreach;

import java.util.List;

/** assess_message_quality's verdict. */
public record QualityReport(double qualityScore, String grade, List<Issue> issues, Metrics metrics) {

    public record Issue(String type, String severity, String description, String suggestion) {
    }

    public record Metrics(int wordCount, int sentenceCount, double readingLevel, double personalizationScore,
                          boolean hasCallToAction, int questionCount, Integer subjectLength, String channel) {
    }
}
