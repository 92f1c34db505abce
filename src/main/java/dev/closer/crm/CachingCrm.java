package dev.closer.crm;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reuses CRM reads for a short while (the guide's "cache CRM data to reduce API calls"): an agent
 * that researches an account reads it, its deals and contacts several times in one workflow. At
 * most {@code maxEntries} answers are kept, the oldest dropped first; failures are never cached;
 * any update clears the cache, so a read after a write sees the write.
 */
public final class CachingCrm implements CrmAdapter {

    private record Cached(Object value, long expiresAt) {
    }

    private final CrmAdapter crm;
    private final long ttlMillis;
    private final Clock clock;
    private final Map<String, Cached> entries;

    public CachingCrm(CrmAdapter crm, Duration ttl, Clock clock, int maxEntries) {
        this.crm = crm;
        this.ttlMillis = ttl.toMillis();
        this.clock = clock;
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
                return size() > maxEntries;
            }
        };
    }

    @SuppressWarnings("unchecked")
    private <T> T cached(String key, Supplier<T> read) {
        long now = clock.millis();
        synchronized (entries) {
            Cached e = entries.get(key);
            if (e != null && e.expiresAt() > now) {
                return (T) e.value();
            }
        }
        T value = read.get();
        synchronized (entries) {
            entries.put(key, new Cached(value, now + ttlMillis));
        }
        return value;
    }

    @Override
    public String name() {
        return crm.name();
    }

    @Override
    public CrmAccount getAccount(String accountId) {
        return cached("account " + accountId, () -> crm.getAccount(accountId));
    }

    @Override
    public CrmOpportunity getOpportunity(String opportunityId) {
        return cached("opportunity " + opportunityId, () -> crm.getOpportunity(opportunityId));
    }

    @Override
    public Page<CrmAccount> searchAccounts(AccountFilters filters, int limit, String cursor) {
        return cached("accounts " + filters + " " + limit + " " + cursor, () -> crm.searchAccounts(filters, limit, cursor));
    }

    @Override
    public Page<CrmOpportunity> searchOpportunities(OpportunityFilters filters, int limit, String cursor) {
        return cached("opportunities " + filters + " " + limit + " " + cursor, () -> crm.searchOpportunities(filters, limit, cursor));
    }

    @Override
    public List<CrmContact> listContacts(String accountId) {
        return cached("contacts " + accountId, () -> crm.listContacts(accountId));
    }

    /** Scans are large and read once; they are not cached. */
    @Override
    public int scanOpportunities(OpportunityFilters filters, int max, java.util.function.Consumer<CrmOpportunity> sink) {
        return crm.scanOpportunities(filters, max, sink);
    }

    @Override
    public UpdateResult updateOpportunity(String opportunityId, Map<String, Object> updates, String idempotencyKey) {
        try {
            return crm.updateOpportunity(opportunityId, updates, idempotencyKey);
        } finally {
            synchronized (entries) {
                entries.clear();
            }
        }
    }

    @Override
    public void ping() {
        crm.ping();
    }
}
