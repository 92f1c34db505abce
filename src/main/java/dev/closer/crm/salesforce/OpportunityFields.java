package dev.closer.crm.salesforce;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * The Opportunity fields this org has, read once from {@code GET /sobjects/Opportunity/describe}.
 * Only fields the describe lists are ever selected, so an org without a custom field (or a user
 * whose field-level security hides one) never gets INVALID_FIELD. Optional custom fields are found
 * by their usual API names: the first one present is used. Field names are case-insensitive in
 * Salesforce; the describe's spelling is the one sent.
 */
final class OpportunityFields {

    static final List<String> WANTED = List.of("Id", "Name", "AccountId", "StageName", "Amount", "CloseDate", "IsWon",
            "IsClosed", "OwnerId", "CreatedDate", "NextStep");
    static final List<String> LOSS_REASON = List.of("Loss_Reason__c", "Closed_Lost_Reason__c", "Lost_Reason__c", "Reason_Lost__c");
    static final List<String> QUALIFICATION_SCORE = List.of("Qualification_Score__c");

    /** A field's API name and whether this user may write it. */
    record Field(String name, boolean updateable) {
    }

    private final Map<String, Field> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final String lossReason;
    private final String qualificationScore;

    private OpportunityFields(JsonNode describe) {
        for (JsonNode f : describe.path("fields")) {
            String name = f.path("name").asString(null);
            if (name != null) {
                byName.put(name, new Field(name, f.path("updateable").asBoolean(false)));
            }
        }
        this.lossReason = first(LOSS_REASON);
        this.qualificationScore = first(QUALIFICATION_SCORE);
    }

    static OpportunityFields parse(JsonNode describe) {
        return new OpportunityFields(describe);
    }

    /** The SELECT list: the standard fields this org shows, and the optional fields it has. */
    String select() {
        List<String> names = new ArrayList<>();
        for (String w : WANTED) {
            if (w.equals("Id") || byName.containsKey(w)) {
                names.add(w.equals("Id") ? "Id" : byName.get(w).name());
            }
        }
        if (lossReason != null) {
            names.add(lossReason);
        }
        if (qualificationScore != null) {
            names.add(qualificationScore);
        }
        return String.join(",", names);
    }

    /** The field called {@code name} (any case), or null when the org has none. */
    Field field(String name) {
        return byName.get(name);
    }

    /** The loss-reason field's API name, or null when the org has none. */
    String lossReason() {
        return lossReason;
    }

    String qualificationScore() {
        return qualificationScore;
    }

    private String first(List<String> candidates) {
        return candidates.stream().filter(byName::containsKey).map(c -> byName.get(c).name()).findFirst().orElse(null);
    }

    @Override
    public String toString() {
        return "OpportunityFields[" + byName.size() + " fields, lossReason=" + lossReason + ", qualificationScore="
                + qualificationScore + "]";
    }
}
