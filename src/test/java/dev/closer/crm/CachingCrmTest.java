package dev.closer.crm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The short-lived read cache: reads reused, not failures; a write clears it; it stays bounded. */
class CachingCrmTest {

    /** A CRM that counts the reads it answers and fails for the account "down". */
    static final class CountingCrm implements CrmAdapter {
        final Map<String, Integer> reads = new HashMap<>();

        private int count(String what) {
            return reads.merge(what, 1, Integer::sum);
        }

        public String name() {
            return "counting";
        }

        public CrmAccount getAccount(String id) {
            count("account " + id);
            if (id.equals("down")) {
                throw new CrmException(CrmException.Kind.UNAVAILABLE, "503");
            }
            return new CrmAccount(id, "Acme", null, 1.0, 1, null, "counting");
        }

        public CrmOpportunity getOpportunity(String id) {
            count("opportunity " + id);
            return new CrmOpportunity(id, "Deal", "a", "Qualified", 1.0, null, false, false, null, null, null, null);
        }

        public Page<CrmAccount> searchAccounts(AccountFilters f, int limit, String cursor) {
            count("search accounts");
            return new Page<>(List.of(), null);
        }

        public Page<CrmOpportunity> searchOpportunities(OpportunityFilters f, int limit, String cursor) {
            count("search opportunities " + f.accountId());
            return new Page<>(List.of(), null);
        }

        public UpdateResult updateOpportunity(String id, Map<String, Object> updates, String key) {
            count("update");
            return new UpdateResult(true, Map.of(), null, null);
        }

        public List<CrmContact> listContacts(String accountId) {
            count("contacts " + accountId);
            return List.of();
        }
    }

    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-11-25T10:00:00Z");

        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        public Instant instant() {
            return now;
        }
    }

    private final CountingCrm vendor = new CountingCrm();
    private final MovableClock clock = new MovableClock();
    private final CachingCrm crm = new CachingCrm(vendor, Duration.ofSeconds(30), clock, 3);

    @Test
    void reads_are_reused_until_they_expire() {
        crm.getAccount("a");
        crm.getAccount("a");
        crm.searchOpportunities(new OpportunityFilters(null, "a", null, null, null), 10, null);
        crm.searchOpportunities(new OpportunityFilters(null, "a", null, null, null), 10, null);
        assertEquals(1, vendor.reads.get("account a"));
        assertEquals(1, vendor.reads.get("search opportunities a"), "equal filters are the same read");
        clock.now = clock.now.plusSeconds(31);
        crm.getAccount("a");
        assertEquals(2, vendor.reads.get("account a"), "read again after 30 s");
    }

    @Test
    void failures_are_not_cached() {
        assertThrows(CrmException.class, () -> crm.getAccount("down"));
        assertThrows(CrmException.class, () -> crm.getAccount("down"));
        assertEquals(2, vendor.reads.get("account down"));
    }

    @Test
    void a_write_clears_every_cached_read() {
        crm.getOpportunity("o1");
        crm.updateOpportunity("o1", Map.of("amount", 5), null);
        crm.getOpportunity("o1");
        assertEquals(2, vendor.reads.get("opportunity o1"), "the read after a write sees the write");
    }

    @Test
    void it_keeps_at_most_its_bound_dropping_the_least_recently_used() {
        crm.getAccount("a");
        crm.getAccount("b");
        crm.getAccount("c");
        crm.getAccount("a");
        crm.getAccount("d");  // over the bound of 3: b, the least recently used, goes
        crm.getAccount("a");
        crm.getAccount("b");
        assertEquals(1, vendor.reads.get("account a"));
        assertEquals(2, vendor.reads.get("account b"));
    }
}
