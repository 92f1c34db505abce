package dev.closer.crm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What every CRM adapter promises, whatever the vendor's wire format. Each vendor's subclass
 * serves the same small data set — in that vendor's real JSON, from WireMock mappings under
 * {@code src/test/resources/crm/<vendor>/} — and this suite checks Closer's records:
 *
 * <pre>
 * accounts      acme   "Acme SaaS"             industry: {@link #industry()}, revenue 25,000,000, 150 employees, region {@link #region()}
 *               oldco  "OldCorp Manufacturing" revenue 5,000,000, 40 employees
 * opportunities won    "Acme platform"  acme,  120,000, closes 2025-11-14, Closed Won
 *               lost   "OldCorp pilot"  oldco,  30,000, closes 2025-12-02, Closed Lost, loss reason "Price too high"
 *               open   "Acme expansion" acme,   80,000, closes 2026-02-27, open, stage {@link #openStage()}
 * contacts of acme     "Sarah Johnson" (VP of Sales), "Tom Reed" (Chief Financial Officer)
 * </pre>
 *
 * Searches the suite makes (and each vendor's mappings answer): accounts by name "Acme"; opportunities
 * by stage "Closed Won", by stage "Closed Lost", by account acme, closing 2025-11-20..2025-12-31,
 * and all of them two per page. The update moves {@code open}'s amount from 80,000 to 95,000.
 */
public abstract class CrmAdapterContract {

    /** The vendor's ids for the data set's records, and ids it does not hold. */
    public record Ids(String acme, String oldco, String won, String lost, String open, String missingAccount,
                         String missingOpportunity) {
    }

    protected abstract CrmAdapter adapter();

    protected abstract Ids ids();

    /** An adapter whose credentials the vendor refuses, or null where there are none (offline). */
    protected abstract CrmAdapter adapterWithBadCredentials();

    /** The secret {@link #adapterWithBadCredentials()} holds, which must never appear in an error. */
    protected String badSecret() {
        return null;
    }

    /** Write requests the vendor received for {@code opportunityId} (PATCHes, or row updates offline). */
    protected abstract int writesReceived(String opportunityId);

    protected String industry() {
        return "Technology";
    }

    protected String region() {
        return "California";
    }

    protected String openStage() {
        return "Qualified";
    }

    @Test
    void reads_an_account_with_numbers_as_numbers() {
        CrmAccount a = adapter().getAccount(ids().acme());
        assertEquals(ids().acme(), a.id());
        assertEquals("Acme SaaS", a.name());
        assertEquals(industry(), a.industry());
        assertEquals(25_000_000.0, a.revenue());
        assertEquals(150, a.employeeCount());
        assertEquals(region(), a.region());
        assertEquals(adapter().name(), a.source());
    }

    @Test
    void an_unknown_account_or_opportunity_is_not_found() {
        var account = assertThrows(CrmException.class, () -> adapter().getAccount(ids().missingAccount()));
        assertEquals(CrmException.Kind.NOT_FOUND, account.kind());
        var opportunity = assertThrows(CrmException.class, () -> adapter().getOpportunity(ids().missingOpportunity()));
        assertEquals(CrmException.Kind.NOT_FOUND, opportunity.kind());
    }

    @Test
    void finds_accounts_by_name() {
        var page = adapter().searchAccounts(new AccountFilters("Acme", null, null), 10, null);
        assertEquals(List.of(ids().acme()), page.items().stream().map(CrmAccount::id).toList());
        assertEquals(25_000_000.0, page.items().get(0).revenue());
        assertNull(page.nextCursor());
    }

    @Test
    void reads_an_open_opportunity() {
        CrmOpportunity o = adapter().getOpportunity(ids().open());
        assertEquals("Acme expansion", o.name());
        assertEquals(ids().acme(), o.accountId());
        assertEquals(openStage(), o.stage());
        assertEquals(80_000.0, o.amount());
        assertEquals(LocalDate.of(2026, 2, 27), o.closeDate());
        assertFalse(o.isClosed());
        assertFalse(o.isWon());
    }

    @Test
    void finds_closed_won_opportunities_under_closers_stage_name() {
        var page = adapter().searchOpportunities(new OpportunityFilters("Closed Won", null, null, null, null), 10, null);
        assertEquals(List.of(ids().won()), ids(page.items()));
        CrmOpportunity won = page.items().get(0);
        assertEquals("Closed Won", won.stage());
        assertTrue(won.isWon() && won.isClosed());
        assertEquals(120_000.0, won.amount());
        assertEquals(LocalDate.of(2025, 11, 14), won.closeDate());
        assertEquals(ids().acme(), won.accountId());
    }

    @Test
    void finds_closed_lost_opportunities_with_their_loss_reason() {
        var page = adapter().searchOpportunities(new OpportunityFilters("Closed Lost", null, null, null, null), 10, null);
        assertEquals(List.of(ids().lost()), ids(page.items()));
        CrmOpportunity lost = page.items().get(0);
        assertEquals("Closed Lost", lost.stage());
        assertTrue(lost.isClosed());
        assertFalse(lost.isWon());
        assertEquals("Price too high", lost.lossReason());
        assertEquals(ids().oldco(), lost.accountId());
    }

    @Test
    void finds_an_accounts_opportunities() {
        var page = adapter().searchOpportunities(new OpportunityFilters(null, ids().acme(), null, null, null), 10, null);
        assertEquals(Set.of(ids().won(), ids().open()), Set.copyOf(ids(page.items())));
        assertTrue(page.items().stream().allMatch(o -> ids().acme().equals(o.accountId())));
    }

    @Test
    void filters_by_close_date_inclusively() {
        var page = adapter().searchOpportunities(new OpportunityFilters(null, null, LocalDate.of(2025, 11, 20),
                LocalDate.of(2025, 12, 31), null), 10, null);
        assertEquals(List.of(ids().lost()), ids(page.items()));
    }

    @Test
    void pages_through_every_opportunity() {
        OpportunityFilters all = new OpportunityFilters(null, null, null, null, null);
        var first = adapter().searchOpportunities(all, 2, null);
        assertEquals(2, first.items().size());
        assertNotNull(first.nextCursor(), "a first page of 2 out of 3 says where the next one starts");
        var second = adapter().searchOpportunities(all, 2, first.nextCursor());
        assertNull(second.nextCursor());
        List<String> seen = new ArrayList<>(ids(first.items()));
        seen.addAll(ids(second.items()));
        assertEquals(Set.of(ids().won(), ids().lost(), ids().open()), Set.copyOf(seen));
        assertEquals(3, seen.size(), "no record twice");
    }

    @Test
    void lists_an_accounts_contacts_with_their_titles() {
        Map<String, String> titles = adapter().listContacts(ids().acme()).stream()
                .collect(Collectors.toMap(CrmContact::name, CrmContact::title));
        assertEquals(Map.of("Sarah Johnson", "VP of Sales", "Tom Reed", "Chief Financial Officer"), titles);
    }

    @Test
    void an_update_writes_once_and_reports_each_change_from_and_to() {
        UpdateResult r = adapter().updateOpportunity(ids().open(), Map.of("amount", 95_000), "contract-key-1");
        assertTrue(r.applied());
        UpdateResult.Change change = r.changes().get("amount");
        assertEquals(80_000.0, ((Number) change.from()).doubleValue());
        assertEquals(95_000.0, ((Number) change.to()).doubleValue());
        assertEquals(1, writesReceived(ids().open()));
    }

    @Test
    void an_unknown_opportunity_is_not_updated() {
        var e = assertThrows(CrmException.class, () -> adapter().updateOpportunity(ids().missingOpportunity(),
                Map.of("amount", 1), null));
        assertEquals(CrmException.Kind.NOT_FOUND, e.kind());
        assertEquals(0, writesReceived(ids().missingOpportunity()));
    }

    @Test
    void refused_credentials_are_an_auth_error_that_never_shows_them() {
        CrmAdapter bad = adapterWithBadCredentials();
        assumeTrue(bad != null, "this CRM has no credentials");
        var e = assertThrows(CrmException.class, () -> bad.getAccount(ids().acme()));
        assertEquals(CrmException.Kind.AUTH, e.kind());
        if (badSecret() != null) {
            assertFalse(String.valueOf(e.getMessage()).contains(badSecret()), e.getMessage());
        }
    }

    private static List<String> ids(List<CrmOpportunity> items) {
        return items.stream().map(CrmOpportunity::id).toList();
    }
}
