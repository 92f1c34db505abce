package dev.closer.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.closer.store.BudgetLedger;
import dev.closer.store.Database;
import dev.closer.tool.ToolException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BudgetCeilingTest {

    @TempDir
    Path dir;

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void a_new_day_starts_a_new_window_and_the_old_one_is_dropped() {
        try (Database db = Database.open(dir)) {
            MovableClock clock = new MovableClock(Instant.parse("2026-11-24T23:59:00Z"));
            BudgetCeiling budget = new BudgetCeiling(new BudgetLedger(db), clock);
            Profile p = new Profile("sales", "", Set.of("*"), false, 3, BudgetWindow.DAY, Map.of(), CrmSettings.defaults(), List.of(),
                    List.of(), 1);
            budget.reserve(p, 3);
            var e = assertThrows(ToolException.class, () -> budget.reserve(p, 1));
            assertEquals(0L, e.error().details().get("remaining"));
            clock.now = Instant.parse("2026-11-25T00:00:01Z");
            assertEquals(3, budget.remaining(p));
            budget.reserve(p, 2);
            assertEquals(1, budget.remaining(p));
        }
    }

    @Test
    void windows_start_where_documented() {
        Instant t = Instant.parse("2026-11-26T15:42:00Z");
        assertEquals("2026-11-26T15:00:00Z", BudgetWindow.HOUR.startOf(t));
        assertEquals("2026-11-26T00:00:00Z", BudgetWindow.DAY.startOf(t));
        assertEquals("2026-11-23T00:00:00Z", BudgetWindow.WEEK.startOf(t));
        assertEquals("2026-11-01T00:00:00Z", BudgetWindow.MONTH.startOf(t));
        assertEquals("1970-01-01T00:00:00Z", BudgetWindow.TOTAL.startOf(t));
    }
}
