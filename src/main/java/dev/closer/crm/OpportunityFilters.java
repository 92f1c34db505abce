package dev.closer.crm;

import java.time.LocalDate;

/** Opportunity search filters; null means "any". Dates are inclusive. */
public record OpportunityFilters(String stage, String accountId, LocalDate closeDateAfter,
                                 LocalDate closeDateBefore, String owner) {
}
