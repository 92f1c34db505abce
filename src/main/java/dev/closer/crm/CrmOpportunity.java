package dev.closer.crm;

import java.time.LocalDate;

/**
 * An opportunity (deal). {@code stage} uses Closer's names ("Closed Won", "Closed Lost",
 * "Qualified", ...), whatever the vendor's stage ids are.
 */
public record CrmOpportunity(String id, String name, String accountId, String stage, Double amount,
                             LocalDate closeDate, boolean isWon, boolean isClosed, String lossReason,
                             Integer salesCycleDays, String owner, Double qualificationScore) {
}
