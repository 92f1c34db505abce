package dev.closer.crm.salesforce;

import static dev.closer.crm.VendorValues.number;

import dev.closer.crm.CrmAccount;
import dev.closer.crm.CrmContact;
import dev.closer.crm.CrmOpportunity;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import tools.jackson.databind.JsonNode;

/**
 * Salesforce records (sObject GETs and query rows, which share a shape) as Closer's. Numbers arrive
 * as JSON numbers; dates as {@code 2025-11-14}; datetimes as {@code 2025-09-30T14:05:00.000+0000}.
 * An opportunity's stage uses Closer's names: a closed, won one is "Closed Won" and a closed, lost
 * one "Closed Lost" whatever the org calls those stages; an open one keeps its StageName.
 */
final class SalesforceRecords {

    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private SalesforceRecords() {
    }

    static CrmAccount account(JsonNode n) {
        Double employees = number(n.path("NumberOfEmployees"));
        return new CrmAccount(n.path("Id").asString(null), text(n, "Name"), text(n, "Industry"), number(n.path("AnnualRevenue")),
                employees == null ? null : employees.intValue(), text(n, "BillingState"), "salesforce");
    }

    static CrmOpportunity opportunity(JsonNode n, OpportunityFields fields) {
        boolean closed = n.path("IsClosed").asBoolean(false);
        boolean won = closed && n.path("IsWon").asBoolean(false);
        LocalDate close = date(text(n, "CloseDate"));
        LocalDate created = date(text(n, "CreatedDate"));
        Integer cycle = closed && close != null && created != null ? (int) ChronoUnit.DAYS.between(created, close) : null;
        return new CrmOpportunity(n.path("Id").asString(null), text(n, "Name"), text(n, "AccountId"), stage(closed, won, text(n, "StageName")),
                number(n.path("Amount")), close, won, closed, fields.lossReason() == null ? null : text(n, fields.lossReason()),
                cycle, text(n, "OwnerId"), fields.qualificationScore() == null ? null : number(n.path(fields.qualificationScore())));
    }

    static CrmContact contact(JsonNode n) {
        return new CrmContact(n.path("Id").asString(null), text(n, "Name"), text(n, "Title"), null, text(n, "AccountId"));
    }

    static String stage(boolean closed, boolean won, String stageName) {
        return closed ? (won ? "Closed Won" : "Closed Lost") : stageName;
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isNull() || v.isMissingNode() ? null : v.asString();
    }

    static LocalDate date(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            if (s.length() == 10) {
                return LocalDate.parse(s);
            }
            return OffsetDateTime.parse(s, DATETIME).atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
