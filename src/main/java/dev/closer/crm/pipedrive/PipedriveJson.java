package dev.closer.crm.pipedrive;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import tools.jackson.databind.JsonNode;

/** Reading Pipedrive v2 values: null and missing are "absent", numbers stay numbers, times are RFC 3339 UTC. */
final class PipedriveJson {

    private static final DateTimeFormatter V1_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private PipedriveJson() {
    }

    static String text(JsonNode n) {
        return n == null || n.isMissingNode() || n.isNull() || n.isContainer() ? null : n.asString();
    }

    /** A number, or a numeric string (v2 sends numbers, but custom text fields may hold "25000000"). */
    static Double number(JsonNode n) {
        return dev.closer.crm.VendorValues.number(n);
    }

    static Double number(String text) {
        String s = text == null ? "" : text.strip().replace(",", "");
        try {
            return s.isEmpty() ? null : Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** "2025-11-14", "2025-11-14T16:20:00Z" (v2) or "2025-11-14 16:20:00" (v1, UTC) as a UTC date. */
    static LocalDate date(JsonNode n) {
        String s = text(n);
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            if (s.length() == 10) {
                return LocalDate.parse(s);
            }
            if (s.length() == 19 && s.charAt(10) == ' ') {
                return LocalDateTime.parse(s, V1_TIME).toLocalDate();
            }
            return OffsetDateTime.parse(s).atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Pipedrive ids are integers; anything else cannot name a Pipedrive record. */
    static boolean isId(String s) {
        return s != null && s.matches("\\d{1,18}");
    }
}
