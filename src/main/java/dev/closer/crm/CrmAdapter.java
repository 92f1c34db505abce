package dev.closer.crm;

import java.util.List;
import java.util.Map;

/**
 * One CRM behind one interface: HubSpot, Salesforce, Pipedrive or the offline store. Returns
 * Closer's own records whatever the vendor's wire format; numbers are numbers. Failures are
 * {@link CrmException}s with a kind the tools map to structured errors. Nothing here can send a
 * message: there is deliberately no method for it.
 */
public interface CrmAdapter {

    /** "hubspot", "salesforce", "pipedrive" or "offline". */
    String name();

    CrmAccount getAccount(String accountId);

    CrmOpportunity getOpportunity(String opportunityId);

    Page<CrmAccount> searchAccounts(AccountFilters filters, int limit, String cursor);

    /** Stage filters use Closer's names ("Closed Won", "Closed Lost", or a stage's label). */
    Page<CrmOpportunity> searchOpportunities(OpportunityFilters filters, int limit, String cursor);

    /**
     * Updates the opportunity's fields ({@code stage}, {@code amount}, {@code close_date},
     * {@code next_step}, {@code name}, {@code qualification_score}, or a vendor field by its API
     * name). Every adapter reads the record first and writes only the fields whose value differs;
     * when nothing differs, nothing is written and the result says so. The write itself is sent
     * once, never retried on a timeout or reset (it may have landed): that read-first rule is what
     * makes a retry after an uncertain failure safe. The once-per-key promise across calls and
     * restarts is kept by {@link IdempotentCrm}; {@code idempotencyKey} is passed on for vendors
     * that can use it.
     */
    UpdateResult updateOpportunity(String opportunityId, Map<String, Object> updates, String idempotencyKey);

    List<CrmContact> listContacts(String accountId);

    /**
     * Hands every matching opportunity (at most {@code max}) to {@code sink}, in the CRM's order,
     * and returns how many. The default follows cursors one page after another; a vendor whose
     * pages can be addressed up front (HubSpot's offsets) fetches several at once, within its
     * rate limit.
     */
    default int scanOpportunities(OpportunityFilters filters, int max, java.util.function.Consumer<CrmOpportunity> sink) {
        int seen = 0;
        String cursor = null;
        do {
            Page<CrmOpportunity> page = searchOpportunities(filters, Math.min(200, max - seen), cursor);
            for (CrmOpportunity o : page.items()) {
                if (seen < max) {
                    sink.accept(o);
                    seen++;
                }
            }
            cursor = page.nextCursor();
        } while (cursor != null && seen < max);
        return seen;
    }

    /** Checks that the credentials work (for {@code closer doctor}); never reveals them. */
    default void ping() {
        searchAccounts(new AccountFilters(null, null, null), 1, null);
    }
}
