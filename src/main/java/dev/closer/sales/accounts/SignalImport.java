package dev.closer.sales.accounts;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validates signal rows read from a file and imports the good ones in one transaction; a bad row
 * is reported with its line number and the problem, and the rest still import.
 */
public final class SignalImport {

    private final SignalStore store;

    public SignalImport(SignalStore store) {
        this.store = store;
    }

    /** One row as read from the file, with its line number. */
    public record Row(int line, String accountId, String type, String description, String observedAt, String source,
                      String strength) {
    }

    public record Report(int imported, List<Rejected> rejected) {
    }

    public record Rejected(int line, String problem) {
    }

    public Report run(String profile, List<Row> rows, List<Rejected> unreadable) {
        Map<String, List<Signal>> good = new LinkedHashMap<>();
        List<Rejected> rejected = new ArrayList<>(unreadable);
        int count = 0;
        for (Row r : rows) {
            String problem = problem(r);
            if (problem != null) {
                rejected.add(new Rejected(r.line(), problem));
                continue;
            }
            good.computeIfAbsent(r.accountId().strip(), k -> new ArrayList<>()).add(new Signal(r.type().strip(),
                    r.description() == null ? "" : r.description().strip(), Double.parseDouble(r.strength()),
                    instant(r.observedAt()), r.source() == null || r.source().isBlank() ? "import" : r.source().strip()));
            count++;
        }
        if (!good.isEmpty()) {
            store.add(profile, good);
        }
        rejected.sort(java.util.Comparator.comparingInt(Rejected::line));
        return new Report(count, rejected);
    }

    private static String problem(Row r) {
        if (r.accountId() == null || r.accountId().isBlank()) {
            return "account_id is empty";
        }
        if (r.type() == null || !Signal.TYPES.contains(r.type().strip())) {
            return "type '" + r.type() + "' is not one of " + String.join(", ", new java.util.TreeSet<>(Signal.TYPES));
        }
        try {
            double s = Double.parseDouble(r.strength() == null ? "" : r.strength().strip());
            if (s < 0 || s > 1) {
                return "strength " + r.strength() + " is outside 0..1";
            }
        } catch (NumberFormatException e) {
            return "strength '" + r.strength() + "' is not a number";
        }
        try {
            instant(r.observedAt());
        } catch (DateTimeParseException | NullPointerException e) {
            return "observed_at '" + r.observedAt() + "' is not a date (2026-03-01 or 2026-03-01T10:00:00Z)";
        }
        return null;
    }

    /** A date or a date-time with offset, as an ISO instant (a plain date is midnight UTC). */
    static String instant(String text) {
        String t = text.strip();
        if (t.length() == 10) {
            return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant().toString();
        }
        return OffsetDateTime.parse(t.endsWith("Z") || t.matches(".*[+-]\\d\\d:\\d\\d$") ? t : t + "Z").toInstant().toString();
    }
}
