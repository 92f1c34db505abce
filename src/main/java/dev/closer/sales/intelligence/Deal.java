package dev.closer.sales.intelligence;

import java.time.Instant;
import java.util.List;

/** A deal as the analysis reads it; null fields were not given. {@code outcome}: won, lost or open. */
public record Deal(String dealId, String outcome, String industry, Double revenue, String region, Double dealValue,
                   Double salesCycleDays, Double qualificationScore, String lossReason, Instant closeDate,
                   String leadSource, List<Contact> contacts) {

    public record Contact(String title, String role) {
    }
}
