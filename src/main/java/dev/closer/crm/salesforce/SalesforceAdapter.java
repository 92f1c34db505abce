package dev.closer.crm.salesforce;

import dev.closer.crm.AccountFilters;
import dev.closer.crm.CrmAccount;
import dev.closer.crm.CrmAdapter;
import dev.closer.crm.CrmContact;
import dev.closer.crm.CrmException;
import dev.closer.crm.CrmOpportunity;
import dev.closer.crm.OpportunityFilters;
import dev.closer.crm.Page;
import dev.closer.crm.UpdateResult;
import dev.closer.crm.http.VendorHttp;
import dev.closer.tool.Json;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Salesforce through its REST API ({@code /services/data/vXX.X}, default v66.0), signed in with
 * OAuth 2.0 (see {@link SalesforceConfig}); accounts are {@code Account}s, opportunities
 * {@code Opportunity}s, contacts {@code Contact}s. Records are read with sObject GETs, searched with
 * SOQL in which every value is an escaped literal ({@link Soql}).
 *
 * <p><b>Paging</b> is by key: {@code ... ORDER BY Id LIMIT n+1}, then {@code Id > 'last id'}; the
 * cursor is the last id of a page, and the extra row only says whether another page exists.
 * Salesforce's own paging cannot serve Closer's small pages (its batch size cannot go below 200, a
 * query locator expires, OFFSET stops at 2,000), while keyset paging is stable, cheap and has no
 * ceiling. A page is at most 2,000 rows; should Salesforce split one into batches, its
 * {@code nextRecordsUrl} is followed.
 *
 * <p><b>Optional fields</b> (a loss reason such as {@code Loss_Reason__c}, a qualification score)
 * are custom, so they are discovered once from the Opportunity describe and selected only when the
 * org has them. Only fields the describe lists are ever selected or written.
 *
 * <p><b>Updates</b> read the record first, PATCH only the fields whose value differs (once: never
 * retried after a timeout or reset) and read the record back. Salesforce has no idempotency keys:
 * a retry after an unknown outcome finds the values already in place and writes nothing, and
 * {@link dev.closer.crm.IdempotentCrm} keeps the once-per-key promise across calls and restarts.
 */
public final class SalesforceAdapter implements CrmAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(SalesforceAdapter.class);
    static final String ACCOUNT_FIELDS = "Id,Name,Industry,AnnualRevenue,NumberOfEmployees,BillingState";
    static final int MAX_PAGE = 2000;
    private static final int MAX_CONTACTS = 2000;

    private final SalesforceApi api;
    private volatile OpportunityFields fields;

    /** {@code http} should carry {@link SalesforceRules} (see {@link SalesforceRules#http}). */
    public SalesforceAdapter(SalesforceConfig config, VendorHttp http) {
        this.api = new SalesforceApi(config, http);
    }

    /** The adapter the environment configures, or null when it sets no Salesforce credentials. */
    public static SalesforceAdapter fromEnvironment(Map<String, String> env, VendorHttp http) {
        SalesforceConfig config = SalesforceConfig.fromEnvironment(env);
        return config == null ? null : new SalesforceAdapter(config, http);
    }

    @Override
    public String name() {
        return "salesforce";
    }

    @Override
    public CrmAccount getAccount(String accountId) {
        requireId("account", accountId);
        return SalesforceRecords.account(api.get("/sobjects/Account/" + accountId + "?fields=" + ACCOUNT_FIELDS));
    }

    @Override
    public CrmOpportunity getOpportunity(String opportunityId) {
        requireId("opportunity", opportunityId);
        OpportunityFields f = fields();
        return SalesforceRecords.opportunity(api.get("/sobjects/Opportunity/" + opportunityId + "?fields=" + f.select()), f);
    }

    @Override
    public Page<CrmAccount> searchAccounts(AccountFilters filters, int limit, String cursor) {
        Soql where = Soql.where().equal("Industry", filters.industry()).equal("BillingState", filters.region());
        if (filters.name() != null) {
            where.and("Name LIKE " + Soql.contains(filters.name()));
        }
        return page("SELECT " + ACCOUNT_FIELDS + " FROM Account", where, limit, cursor, SalesforceRecords::account);
    }

    @Override
    public Page<CrmOpportunity> searchOpportunities(OpportunityFilters filters, int limit, String cursor) {
        if (!idOrNull(filters.accountId()) || !idOrNull(filters.owner())) {
            return new Page<>(List.of(), null); // no record has an id of another shape
        }
        OpportunityFields f = fields();
        Soql where = Soql.where();
        String stage = filters.stage();
        if ("Closed Won".equalsIgnoreCase(stage)) {
            where.and("IsWon = true");
        } else if ("Closed Lost".equalsIgnoreCase(stage)) {
            where.and("IsClosed = true AND IsWon = false");
        } else {
            where.equal("StageName", stage);
        }
        where.equal("AccountId", filters.accountId()).equal("OwnerId", filters.owner());
        if (filters.closeDateAfter() != null) {
            where.and("CloseDate >= " + filters.closeDateAfter()); // a SOQL date literal is unquoted YYYY-MM-DD
        }
        if (filters.closeDateBefore() != null) {
            where.and("CloseDate <= " + filters.closeDateBefore());
        }
        return page("SELECT " + f.select() + " FROM Opportunity", where, limit, cursor, n -> SalesforceRecords.opportunity(n, f));
    }

    @Override
    public List<CrmContact> listContacts(String accountId) {
        if (!Soql.isId(accountId)) {
            return List.of();
        }
        String soql = "SELECT Id,Name,Title,AccountId FROM Contact" + Soql.where().equal("AccountId", accountId)
                + " ORDER BY Name LIMIT " + MAX_CONTACTS;
        return api.query(soql, MAX_CONTACTS).stream().map(SalesforceRecords::contact).toList();
    }

    @Override
    public UpdateResult updateOpportunity(String opportunityId, Map<String, Object> updates, String idempotencyKey) {
        if (updates == null || updates.isEmpty()) {
            throw new CrmException(CrmException.Kind.INVALID_REQUEST, "no fields to update");
        }
        requireId("opportunity", opportunityId);
        OpportunityFields f = fields();
        List<OpportunityUpdate> wanted = updates.entrySet().stream().map(e -> OpportunityUpdate.of(e.getKey(), e.getValue(), f)).toList();
        Set<String> select = new LinkedHashSet<>(List.of(f.select().split(",")));
        wanted.forEach(u -> select.add(u.apiName()));
        JsonNode raw = api.get("/sobjects/Opportunity/" + opportunityId + "?fields=" + String.join(",", select));
        CrmOpportunity before = SalesforceRecords.opportunity(raw, f);

        ObjectNode patch = Json.object();
        Map<String, UpdateResult.Change> changes = new LinkedHashMap<>();
        for (OpportunityUpdate u : wanted) {
            Object current = u.current(before, raw);
            if (!u.holds(current)) {
                patch.set(u.apiName(), u.wire());
                changes.put(u.key(), new UpdateResult.Change(current, u.value()));
            }
        }
        if (patch.isEmpty()) {
            return new UpdateResult(true, Map.of(), before, "the opportunity already held these values; nothing was written");
        }
        api.patch("/sobjects/Opportunity/" + opportunityId, patch);
        try {
            return new UpdateResult(true, changes, getOpportunity(opportunityId), null);
        } catch (CrmException e) {
            LOG.warn("salesforce: opportunity {} was updated, but reading it back failed ({})", opportunityId, e.kind());
            return new UpdateResult(true, changes, OpportunityUpdate.merged(before, wanted),
                    "written; reading the opportunity back failed, so it shows the values sent");
        }
    }

    private <T> Page<T> page(String select, Soql where, int limit, String cursor, Function<JsonNode, T> record) {
        if (limit < 1) {
            throw new CrmException(CrmException.Kind.INVALID_REQUEST, "limit must be at least 1");
        }
        int size = Math.min(limit, MAX_PAGE);
        if (cursor != null) {
            if (!Soql.isId(cursor)) {
                throw new CrmException(CrmException.Kind.INVALID_REQUEST, "cursor '" + cursor + "' is not one this CRM gave out");
            }
            where.and("Id > " + Soql.literal(cursor));
        }
        List<JsonNode> rows = api.query(select + where + " ORDER BY Id LIMIT " + (size + 1), size + 1);
        List<T> items = rows.stream().limit(size).map(record).toList();
        String next = rows.size() > size ? rows.get(size - 1).path("Id").asString() : null;
        return new Page<>(items, next);
    }

    /** The org's Opportunity fields, described once (a describe is one API call; fields rarely change). */
    private OpportunityFields fields() {
        OpportunityFields f = fields;
        if (f == null) {
            f = OpportunityFields.parse(api.get("/sobjects/Opportunity/describe"));
            LOG.debug("salesforce: {}", f);
            fields = f;
        }
        return f;
    }

    private static void requireId(String what, String id) {
        if (!Soql.isId(id)) {
            throw new CrmException(CrmException.Kind.NOT_FOUND, "salesforce has no " + what + " '" + id
                    + "' (a Salesforce id is 15 or 18 letters and digits)");
        }
    }

    private static boolean idOrNull(String id) {
        return id == null || Soql.isId(id);
    }
}
