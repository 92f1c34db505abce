package dev.closer.crm;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** An {@link UpdateLog} in memory, for adapter tests that need {@link IdempotentCrm} without a store. */
public final class MemoryUpdateLog implements UpdateLog {

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    @Override
    public Optional<Entry> find(String profile, String key) {
        return Optional.ofNullable(entries.get(profile + " " + key));
    }

    @Override
    public void pending(String profile, String key, String crm, String opportunityId, String request) {
        entries.put(profile + " " + key, new Entry(crm, opportunityId, request, null));
    }

    @Override
    public void applied(String profile, String key, UpdateResult result) {
        entries.computeIfPresent(profile + " " + key, (k, e) -> new Entry(e.crm(), e.opportunityId(), e.request(), result));
    }

    @Override
    public void forget(String profile, String key) {
        entries.remove(profile + " " + key);
    }
}
