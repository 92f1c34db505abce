package dev.closer.sales.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.closer.crm.AccountFilters;
import dev.closer.crm.CrmAccount;
import dev.closer.crm.CrmAdapter;
import dev.closer.crm.CrmContact;
import dev.closer.crm.CrmException;
import dev.closer.crm.CrmOpportunity;
import dev.closer.crm.OpportunityFilters;
import dev.closer.crm.Page;
import dev.closer.crm.UpdateResult;
import dev.closer.store.Database;
import dev.closer.store.SqliteSignals;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountSignalsTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-24T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    Database db;
    SqliteSignals store;

    @BeforeEach
    void open() {
        db = Database.open(dir);
        store = new SqliteSignals(db);
        new SignalImport(store).run("sales", List.of(
                new SignalImport.Row(2, "acme", "expansion_hiring", "5 SE roles", "2026-11-10", "jobs", "0.8"),
                new SignalImport.Row(3, "acme", "contraction", "Closed an office", "2026-06-01", "news", "0.6"),
                new SignalImport.Row(4, "acme", "recent_funding", "Series B", "2025-01-01T09:00:00+02:00", "press", "0.9")), List.of());
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** A CRM that is down, as the guide's graceful-fallback section imagines. */
    static class DownCrm implements CrmAdapter {
        public String name() {
            return "hubspot";
        }

        public CrmAccount getAccount(String id) {
            throw new CrmException(CrmException.Kind.UNAVAILABLE, "503 from the vendor");
        }

        public CrmOpportunity getOpportunity(String id) {
            throw new CrmException(CrmException.Kind.UNAVAILABLE, "503 from the vendor");
        }

        public Page<CrmAccount> searchAccounts(AccountFilters f, int limit, String cursor) {
            throw new CrmException(CrmException.Kind.UNAVAILABLE, "503 from the vendor");
        }

        public Page<CrmOpportunity> searchOpportunities(OpportunityFilters f, int limit, String cursor) {
            throw new CrmException(CrmException.Kind.UNAVAILABLE, "503 from the vendor");
        }

        public UpdateResult updateOpportunity(String id, Map<String, Object> u, String key) {
            throw new CrmException(CrmException.Kind.UNAVAILABLE, "503 from the vendor");
        }

        public List<CrmContact> listContacts(String accountId) {
            return List.of();
        }
    }

    @Test
    void a_failing_crm_yields_the_offline_result_with_the_failure_stated() {
        AccountSignals s = new AccountSignals(store, p -> Optional.of(new DownCrm()), NOW);
        var r = s.signals("sales", new AccountSignals.Request("acme", true, Set.of(), null));
        assertEquals("offline", r.source());
        assertEquals(3, r.signals().size());
        assertNotNull(r.crmError());
        assertEquals("CRM_UNAVAILABLE", r.crmError().code());
        assertTrue(r.warnings().get(0).contains("CRM enrichment failed"));
    }

    @Test
    void a_working_crm_adds_derived_signals() {
        CrmAdapter up = new DownCrm() {
            @Override
            public Page<CrmOpportunity> searchOpportunities(OpportunityFilters f, int limit, String cursor) {
                return new Page<>(List.of(new CrmOpportunity("o1", "Renewal", "acme", "Proposal", 1e5, LocalDate.of(2026, 12, 1),
                        false, false, null, null, null, null)), null);
            }
        };
        var r = new AccountSignals(store, p -> Optional.of(up), NOW).signals("sales", new AccountSignals.Request("acme", true, Set.of(), null));
        assertEquals("crm+offline", r.source());
        assertTrue(r.signals().stream().anyMatch(x -> x.source().equals("crm") && x.type().equals("engagement")));
    }

    @Test
    void filters_by_type_and_age_and_time_zones_are_read() {
        AccountSignals s = new AccountSignals(store, p -> Optional.empty(), NOW);
        var recent = s.signals("sales", new AccountSignals.Request("acme", false, Set.of(), 30));
        assertEquals(List.of("expansion_hiring"), recent.signals().stream().map(Signal::type).toList());
        var funding = s.signals("sales", new AccountSignals.Request("acme", false, Set.of("recent_funding"), null));
        assertEquals("2025-01-01T07:00:00Z", funding.signals().get(0).observedAt());
    }

    @Test
    void priority_weighs_recent_buying_signals_and_discounts_contraction() {
        var fresh = new Signal("recent_funding", "x", 1.0, "2026-11-24T00:00:00Z", "t");
        var old = new Signal("recent_funding", "x", 1.0, "2025-11-24T00:00:00Z", "t");
        assertEquals(1.0, AccountSignals.priority(List.of(fresh), NOW.instant()));
        assertTrue(AccountSignals.priority(List.of(old), NOW.instant()) < 0.05);
        var shrink = new Signal("contraction", "x", 1.0, "2026-11-24T00:00:00Z", "t");
        assertEquals(0.5, AccountSignals.priority(List.of(fresh, shrink), NOW.instant()));
    }

    @Test
    void signals_of_one_profile_are_invisible_to_another() {
        var r = new AccountSignals(store, p -> Optional.empty(), NOW).signals("readonly", new AccountSignals.Request("acme", false, Set.of(), null));
        assertEquals(0, r.signals().size());
        assertTrue(r.warnings().get(0).contains("no signals recorded"));
    }

    @Test
    void a_bad_import_row_is_reported_by_line_and_the_rest_imports() {
        var report = new SignalImport(store).run("sales", List.of(
                new SignalImport.Row(2, "beta", "engagement", "Webinar", "2026-11-01", "", "0.5"),
                new SignalImport.Row(3, "beta", "engagement", "Webinar", "2026-11-01", "", "1.5"),
                new SignalImport.Row(4, "", "engagement", "Webinar", "2026-11-01", "", "0.5")), List.of());
        assertEquals(1, report.imported());
        assertEquals(List.of(3, 4), report.rejected().stream().map(SignalImport.Rejected::line).toList());
        assertEquals(1, store.find("sales", "beta").size());
    }
}
