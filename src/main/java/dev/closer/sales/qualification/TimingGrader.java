package dev.closer.sales.qualification;

import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a timing criterion relative to today. A date it can place ("Q1 2026", "2026-03-31",
 * "March 2026", "this quarter", "next month", "asap") is graded by how far away its end is:
 * within 90 days 1.0, 91-180 days 0.8, 181-365 days 0.5, later 0.3; already past 0.3 with a
 * warning. Anything else is graded as plain evidence (see {@link EvidenceGrader}).
 */
final class TimingGrader {

    private static final Pattern QUARTER = Pattern.compile("\\bq([1-4])\\s*[-/ ]?\\s*(?:fy)?\\s*'?(\\d{2,4})\\b");
    private static final Pattern MONTH_YEAR = Pattern.compile("\\b([a-z]{3,9})\\.?\\s+(\\d{4})\\b");

    private TimingGrader() {
    }

    record Graded(Evidence evidence, String warning) {
    }

    static Graded grade(Object value, LocalDate today) {
        if (!(value instanceof String s)) {
            return new Graded(EvidenceGrader.grade(value), null);
        }
        Optional<LocalDate> due = dateOf(s.strip().toLowerCase(Locale.ROOT), today);
        if (due.isEmpty()) {
            return new Graded(EvidenceGrader.grade(value), null);
        }
        long days = ChronoUnit.DAYS.between(today, due.get());
        if (days < 0) {
            return new Graded(new Evidence(0.3, "\"" + s + "\" ended " + due.get() + ", " + (-days) + " days ago",
                    "the stated timing is in the past"), "timing '" + s + "' is in the past (ended " + due.get()
                    + "); confirm the current timeline");
        }
        double strength = days <= 90 ? 1.0 : days <= 180 ? 0.8 : days <= 365 ? 0.5 : 0.3;
        String gap = strength < 0.8 ? "decision is far off" : null;
        return new Graded(new Evidence(strength, "\"" + s + "\" is " + days + " days away (by " + due.get() + ")", gap), null);
    }

    /** The last day of the period the text names, if it names one. */
    static Optional<LocalDate> dateOf(String t, LocalDate today) {
        switch (t) {
            case "asap", "immediately", "now", "this week", "urgent" -> {
                return Optional.of(today);
            }
            case "this month" -> {
                return Optional.of(YearMonth.from(today).atEndOfMonth());
            }
            case "next month" -> {
                return Optional.of(YearMonth.from(today).plusMonths(1).atEndOfMonth());
            }
            case "this quarter" -> {
                return Optional.of(quarterEnd(today.getYear(), (today.getMonthValue() - 1) / 3 + 1));
            }
            case "next quarter" -> {
                LocalDate d = today.plusMonths(3);
                return Optional.of(quarterEnd(d.getYear(), (d.getMonthValue() - 1) / 3 + 1));
            }
            case "this year", "end of year" -> {
                return Optional.of(LocalDate.of(today.getYear(), 12, 31));
            }
            case "next year" -> {
                return Optional.of(LocalDate.of(today.getYear() + 1, 12, 31));
            }
            default -> {
            }
        }
        Matcher q = QUARTER.matcher(t);
        if (q.find()) {
            int year = Integer.parseInt(q.group(2));
            return Optional.of(quarterEnd(year < 100 ? 2000 + year : year, Integer.parseInt(q.group(1))));
        }
        try {
            return Optional.of(LocalDate.parse(t.length() > 10 ? t.substring(0, 10) : t));
        } catch (DateTimeParseException ignored) {
            // not an ISO date; try "March 2026"
        }
        Matcher m = MONTH_YEAR.matcher(t);
        if (m.find()) {
            for (Month month : Month.values()) {
                String name = month.name().toLowerCase(Locale.ROOT);
                if (name.startsWith(m.group(1)) && m.group(1).length() >= 3) {
                    return Optional.of(YearMonth.of(Integer.parseInt(m.group(2)), month).atEndOfMonth());
                }
            }
        }
        return Optional.empty();
    }

    private static LocalDate quarterEnd(int year, int quarter) {
        return YearMonth.of(year, quarter * 3).atEndOfMonth();
    }
}
