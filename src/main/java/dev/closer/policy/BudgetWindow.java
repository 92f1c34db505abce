package dev.closer.policy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/** The period a budget ceiling applies to, in UTC. {@code TOTAL} never resets. */
public enum BudgetWindow {
    HOUR, DAY, WEEK, MONTH, TOTAL;

    /** The start of the window containing {@code now}, as an ISO instant (the ledger's key). */
    public String startOf(Instant now) {
        ZonedDateTime t = now.atZone(ZoneOffset.UTC);
        ZonedDateTime start = switch (this) {
            case HOUR -> t.truncatedTo(ChronoUnit.HOURS);
            case DAY -> t.truncatedTo(ChronoUnit.DAYS);
            case WEEK -> t.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> t.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
            case TOTAL -> Instant.EPOCH.atZone(ZoneOffset.UTC);
        };
        return start.toInstant().toString();
    }

    public static BudgetWindow parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("budget window must be one of hour, day, week, month, total; got '" + text + "'");
        }
    }
}
