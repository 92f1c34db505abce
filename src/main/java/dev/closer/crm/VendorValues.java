package dev.closer.crm;

import tools.jackson.databind.JsonNode;

/** Reading vendors' loosely typed values into Closer's numbers, the same way for every adapter. */
public final class VendorValues {

    private VendorValues() {
    }

    /**
     * A JSON number, or a numeric string ("25000000", "1.5E7", "25,000,000" — HubSpot sends every
     * property as a string, custom text fields elsewhere may too); absent, blank or not a number is null, never 0.
     */
    public static Double number(JsonNode v) {
        if (v == null || v.isMissingNode() || v.isNull() || v.isContainer()) {
            return null;
        }
        if (v.isNumber()) {
            return v.asDouble();
        }
        String s = v.asString("").strip().replace(",", "");
        try {
            return s.isEmpty() ? null : Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
