package dev.closer.crm;

import java.util.Map;

/** What an update did: whether it was applied and each field's change {from, to}. */
public record UpdateResult(boolean applied, Map<String, Change> changes, CrmOpportunity opportunity, String note) {

    public record Change(Object from, Object to) {
    }
}
