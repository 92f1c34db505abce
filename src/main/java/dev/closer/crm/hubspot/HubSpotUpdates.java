package dev.closer.crm.hubspot;

import dev.closer.crm.CrmOpportunity;
import java.time.LocalDate;
import tools.jackson.databind.JsonNode;

/** Closer's update fields as HubSpot deal properties, and whether a property already holds a value. */
final class HubSpotUpdates {

    private HubSpotUpdates() {
    }

    static String property(String field) {
        return switch (field) {
            case "stage" -> "dealstage";
            case "amount" -> "amount";
            case "close_date" -> "closedate";
            case "next_step" -> "hs_next_step";
            case "name" -> "dealname";
            default -> field;
        };
    }

    /** HubSpot takes every property as a string; a close date as midnight UTC in epoch milliseconds. */
    static String wireValue(String property, Object value) {
        if (property.equals("closedate")) {
            LocalDate d = HubSpotRecords.date(String.valueOf(value));
            if (d == null) {
                throw new dev.closer.crm.CrmException(dev.closer.crm.CrmException.Kind.INVALID_REQUEST,
                        "'close_date' must be a date (YYYY-MM-DD), got '" + value + "'");
            }
            return HubSpotAdapter.millis(d);
        }
        if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
            return String.valueOf(d.longValue());
        }
        return String.valueOf(value);
    }

    /** Numbers compare as numbers ("80000" = "80000.0"), dates as days, the rest as text. */
    static boolean same(String property, String current, String wanted) {
        if (current == null || current.isEmpty()) {
            return wanted == null || wanted.isEmpty();
        }
        if (property.equals("closedate")) {
            LocalDate a = HubSpotRecords.date(current);
            return a != null && a.equals(HubSpotRecords.date(wanted));
        }
        try {
            return Double.parseDouble(current) == Double.parseDouble(wanted);
        } catch (NumberFormatException notNumbers) {
            return current.equals(wanted);
        }
    }

    /** The value before the update, typed as Closer reads it. */
    static Object from(CrmOpportunity before, String field, JsonNode raw) {
        return switch (field) {
            case "stage" -> before.stage();
            case "amount" -> before.amount();
            case "close_date" -> before.closeDate() == null ? null : before.closeDate().toString();
            case "name" -> before.name();
            default -> raw.asString(null);
        };
    }
}
