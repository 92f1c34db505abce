package dev.closer.sales.outreach;

import java.util.List;

/**
 * A stored draft: the message, who it is for, its grade once assessed, and its review status
 * (draft → approved or rejected). "approved" means approved for a person to send by hand.
 */
public record Draft(String draftId, String status, String channel, String subject, String body, String recipientName,
                    String recipientCompany, String templateName, List<String> variablesUsed,
                    List<String> missingVariables, double personalizationScore, int wordCount, String grade,
                    Double qualityScore, List<QualityReport.Issue> issues, String createdAt, String reviewedAt,
                    String reviewer, String reviewNote) {

    public static final String DRAFT = "draft";
    public static final String APPROVED = "approved";
    public static final String REJECTED = "rejected";

    public Draft withQuality(QualityReport q) {
        return new Draft(draftId, status, channel, subject, body, recipientName, recipientCompany, templateName,
                variablesUsed, missingVariables, personalizationScore, wordCount, q.grade(), q.qualityScore(), q.issues(),
                createdAt, reviewedAt, reviewer, reviewNote);
    }
}
