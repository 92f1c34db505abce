package dev.closer.crm.hubspot;

import static dev.closer.crm.VendorValues.number;

import dev.closer.crm.CrmAccount;
import dev.closer.crm.CrmContact;
import dev.closer.crm.CrmOpportunity;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** HubSpot objects as Closer's records. Property values arrive as strings ("25000000", "1.5E7", ""). */
final class HubSpotRecords {

    static final String COMPANY_PROPS = "name,industry,annualrevenue,numberofemployees,state,country";
    static final String DEAL_PROPS = "dealname,amount,closedate,dealstage,pipeline,hubspot_owner_id,closed_lost_reason,createdate";
    static final String CONTACT_PROPS = "firstname,lastname,jobtitle,hs_buying_role";

    private HubSpotRecords() {
    }

    /** @param industries the industry property's option labels by value (COMPUTER_SOFTWARE → Computer Software) */
    static CrmAccount account(JsonNode n, Map<String, String> industries) {
        JsonNode p = n.path("properties");
        Double employees = number(p.path("numberofemployees"));
        String industry = p.path("industry").asString(null);
        return new CrmAccount(n.path("id").asString(), text(p, "name"), industry == null ? null : industries.getOrDefault(industry, industry),
                number(p.path("annualrevenue")), employees == null ? null : employees.intValue(),
                text(p, "state") != null ? text(p, "state") : text(p, "country"), "hubspot");
    }

    static CrmOpportunity deal(JsonNode n, String accountId, HubSpotStages stages) {
        JsonNode p = n.path("properties");
        HubSpotStages.Stage stage = stages.of(p.path("dealstage").asString(""));
        LocalDate close = date(text(p, "closedate"));
        LocalDate created = date(text(p, "createdate"));
        Integer cycle = close != null && created != null && stage.closed() ? (int) ChronoUnit.DAYS.between(created, close) : null;
        return new CrmOpportunity(n.path("id").asString(), text(p, "dealname"), accountId, stage.label(), number(p.path("amount")),
                close, stage.won(), stage.closed(), text(p, "closed_lost_reason"), cycle, text(p, "hubspot_owner_id"), null);
    }

    static CrmContact contact(JsonNode n, String accountId) {
        JsonNode p = n.path("properties");
        String name = ((p.path("firstname").asString("") + " " + p.path("lastname").asString("")).strip());
        return new CrmContact(n.path("id").asString(), name.isEmpty() ? null : name, text(p, "jobtitle"), text(p, "hs_buying_role"),
                accountId);
    }

    /** An empty property is absent, not "". */
    static String text(JsonNode props, String name) {
        String s = props.path(name).asString(null);
        return s == null || s.isEmpty() ? null : s;
    }

    /** Dates arrive as ISO dates, ISO instants or epoch milliseconds; all are read in UTC. */
    static LocalDate date(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return s.length() == 10 ? LocalDate.parse(s) : OffsetDateTime.parse(s).atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
        } catch (java.time.format.DateTimeParseException e) {
            try {
                return Instant.ofEpochMilli(Long.parseLong(s)).atZone(ZoneOffset.UTC).toLocalDate();
            } catch (NumberFormatException n) {
                return null;
            }
        }
    }
}
