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

    Page<CrmAccount> searchAccounts(AccountFilters filters, int limit, String cursor);

    Page<CrmOpportunity> searchOpportunities(OpportunityFilters filters, int limit, String cursor);

    /** Applies {@code updates} once per idempotency key; a retried key returns the first outcome. */
    UpdateResult updateOpportunity(String opportunityId, Map<String, Object> updates, String idempotencyKey);

    List<CrmContact> listContacts(String accountId);

    /** Checks that the credentials work (for {@code closer doctor}); never reveals them. */
    default void ping() {
        searchAccounts(new AccountFilters(null, null, null), 1, null);
    }
}
