package dev.closer.crm;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keeps the promise "a retried update applies once" for every CRM, whatever the vendor offers
 * (HubSpot, Salesforce and Pipedrive have no idempotency keys for these writes). The first call
 * with a key is noted as pending before the write goes out and as applied with its outcome after;
 * a retry with the same key and request gets that outcome back without a second write. When the
 * first write's outcome is unknown (a timeout, a reset), the retry goes to the adapter, which reads
 * the record first and writes nothing if the earlier write landed. The same key with a different
 * request is refused. Reads pass straight through.
 */
public final class IdempotentCrm implements CrmAdapter {

    private final CrmAdapter crm;
    private final UpdateLog log;
    private final String profile;
    /** Updates with the same key run one at a time in this process (striped: keys that share a stripe wait too). */
    private final Object[] stripes = new Object[64];

    public IdempotentCrm(CrmAdapter crm, UpdateLog log, String profile) {
        this.crm = crm;
        this.log = log;
        this.profile = profile;
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new Object();
        }
    }

    @Override
    public UpdateResult updateOpportunity(String opportunityId, Map<String, Object> updates, String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return crm.updateOpportunity(opportunityId, updates, null);
        }
        String request = opportunityId + " " + new TreeMap<>(updates);
        synchronized (stripes[Math.floorMod(idempotencyKey.hashCode(), stripes.length)]) {
            {
                var seen = log.find(profile, idempotencyKey);
                if (seen.isPresent() && !seen.get().request().equals(request)) {
                    throw new CrmException(CrmException.Kind.INVALID_REQUEST, "idempotency_key '" + idempotencyKey
                            + "' was already used for a different update (opportunity " + seen.get().opportunityId()
                            + "); use a new key for a new update");
                }
                if (seen.isPresent() && seen.get().applied()) {
                    UpdateResult first = seen.get().result();
                    return new UpdateResult(first.applied(), first.changes(), first.opportunity(),
                            "already applied with this idempotency key; nothing was written again");
                }
                if (seen.isEmpty()) {
                    log.pending(profile, idempotencyKey, crm.name(), opportunityId, request);
                }
                UpdateResult result;
                try {
                    result = crm.updateOpportunity(opportunityId, updates, idempotencyKey);
                } catch (CrmException e) {
                    // Unavailable may mean "sent, outcome unknown": keep the key pending so the retry reads first.
                    if (e.kind() != CrmException.Kind.UNAVAILABLE && e.kind() != CrmException.Kind.RATE_LIMITED) {
                        log.forget(profile, idempotencyKey);
                    }
                    throw e;
                }
                log.applied(profile, idempotencyKey, result);
                return result;
            }
        }
    }

    @Override
    public String name() {
        return crm.name();
    }

    @Override
    public CrmAccount getAccount(String accountId) {
        return crm.getAccount(accountId);
    }

    @Override
    public CrmOpportunity getOpportunity(String opportunityId) {
        return crm.getOpportunity(opportunityId);
    }

    @Override
    public Page<CrmAccount> searchAccounts(AccountFilters filters, int limit, String cursor) {
        return crm.searchAccounts(filters, limit, cursor);
    }

    @Override
    public Page<CrmOpportunity> searchOpportunities(OpportunityFilters filters, int limit, String cursor) {
        return crm.searchOpportunities(filters, limit, cursor);
    }

    @Override
    public List<CrmContact> listContacts(String accountId) {
        return crm.listContacts(accountId);
    }

    @Override
    public int scanOpportunities(OpportunityFilters filters, int max, java.util.function.Consumer<CrmOpportunity> sink) {
        return crm.scanOpportunities(filters, max, sink);
    }

    @Override
    public void ping() {
        crm.ping();
    }
}
