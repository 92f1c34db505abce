package dev.closer.crm;

import java.util.List;
import java.util.Map;

/**
 * A profile names a vendor whose credentials are not in the environment: every call is an AUTH
 * failure that says what to set, rather than a silent switch to other data. (Tools that can fall
 * back, like get_account_signals, fall back to offline signals and state this failure.)
 */
final class UnconfiguredCrm implements CrmAdapter {

    private final String vendor;
    private final String message;

    UnconfiguredCrm(String vendor, String profile, String needs) {
        this.vendor = vendor;
        this.message = "profile '" + profile + "' uses " + vendor + " but it is not configured: set " + needs;
    }

    private CrmException fail() {
        return new CrmException(CrmException.Kind.AUTH, message);
    }

    @Override
    public String name() {
        return vendor;
    }

    @Override
    public CrmAccount getAccount(String accountId) {
        throw fail();
    }

    @Override
    public CrmOpportunity getOpportunity(String opportunityId) {
        throw fail();
    }

    @Override
    public Page<CrmAccount> searchAccounts(AccountFilters filters, int limit, String cursor) {
        throw fail();
    }

    @Override
    public Page<CrmOpportunity> searchOpportunities(OpportunityFilters filters, int limit, String cursor) {
        throw fail();
    }

    @Override
    public UpdateResult updateOpportunity(String opportunityId, Map<String, Object> updates, String idempotencyKey) {
        throw fail();
    }

    @Override
    public List<CrmContact> listContacts(String accountId) {
        throw fail();
    }
}
