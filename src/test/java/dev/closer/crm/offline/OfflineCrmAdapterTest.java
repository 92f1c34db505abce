package dev.closer.crm.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.closer.crm.AccountFilters;
import dev.closer.crm.CrmException;
import dev.closer.crm.OpportunityFilters;
import dev.closer.store.Database;
import dev.closer.tool.Json;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfflineCrmAdapterTest {

    @TempDir
    Path dir;
    Database db;

    @BeforeEach
    void importData() {
        db = Database.open(dir);
        var report = new OfflineCrmImport(db).run("sales", Json.parse("""
                {"accounts": [{"id": "a1", "name": "Acme SaaS", "industry": "Software", "revenue": 25000000, "employee_count": 150},
                              {"id": "a2", "name": "OldCorp", "industry": "Manufacturing"}, {"name": "no id"}],
                 "opportunities": [{"id": "o1", "account_id": "a1", "stage": "Closed Won", "amount": 100000, "close_date": "2025-11-02"},
                                   {"id": "o2", "account_id": "a1", "stage": "Closed Lost", "loss_reason": "price", "close_date": "2025-09-01"},
                                   {"id": "o3", "account_id": "a2", "stage": "Qualified", "close_date": "2026-01-15"},
                                   {"id": "o4", "stage": "Closed Won", "close_date": "yesterday"}],
                 "contacts": [{"id": "c1", "account_id": "a1", "title": "VP of Sales", "role": "champion"}]}"""));
        assertEquals(2, report.accounts());
        assertEquals(3, report.opportunities());
        assertEquals(2, report.rejected().size(), report.rejected().toString());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void reads_accounts_with_numbers_as_numbers_and_refuses_unknown_ids() {
        var crm = new OfflineCrmAdapter(db, "sales");
        assertEquals(25_000_000.0, crm.getAccount("a1").revenue());
        assertEquals(150, crm.getAccount("a1").employeeCount());
        var e = assertThrows(CrmException.class, () -> crm.getAccount("zz"));
        assertEquals(CrmException.Kind.NOT_FOUND, e.kind());
        assertThrows(CrmException.class, () -> new OfflineCrmAdapter(db, "readonly").getAccount("a1"), "profiles are isolated");
    }

    @Test
    void searches_opportunities_by_stage_and_close_date_with_paging() {
        var crm = new OfflineCrmAdapter(db, "sales");
        var won = crm.searchOpportunities(new OpportunityFilters("Closed Won", null, LocalDate.of(2025, 10, 1), null, null), 10, null);
        assertEquals(1, won.items().size());
        assertTrue(won.items().get(0).isWon() && won.items().get(0).isClosed());
        var lost = crm.searchOpportunities(new OpportunityFilters("closed lost", null, null, null, null), 10, null).items().get(0);
        assertEquals("price", lost.lossReason());
        var page1 = crm.searchAccounts(new AccountFilters(null, null, null), 1, null);
        assertEquals("1", page1.nextCursor());
        var page2 = crm.searchAccounts(new AccountFilters(null, null, null), 1, page1.nextCursor());
        assertNull(page2.nextCursor());
        assertEquals("a2", page2.items().get(0).id());
        assertEquals("VP of Sales", crm.listContacts("a1").get(0).title());
    }

    @Test
    void an_update_names_the_fields_it_cannot_write_and_writes_nothing() {
        var crm = new OfflineCrmAdapter(db, "sales");
        var e = assertThrows(CrmException.class, () -> crm.updateOpportunity("o1", Map.of("amount", 5, "colour", "red"), null));
        assertEquals(CrmException.Kind.INVALID_REQUEST, e.kind());
        assertTrue(e.getMessage().contains("'colour'") && e.getMessage().contains("next_step"), e.getMessage());
        var badDate = assertThrows(CrmException.class, () -> crm.updateOpportunity("o1", Map.of("amount", 5, "close_date", "soon"), null));
        assertTrue(badDate.getMessage().contains("close_date"), badDate.getMessage());
        assertEquals(100_000.0, crm.getOpportunity("o1").amount(), "a refused update leaves the record as it was");
        assertEquals(0, crm.writes("o1"));
    }

    @Test
    void an_update_to_the_values_already_held_writes_nothing_and_says_so() {
        var crm = new OfflineCrmAdapter(db, "sales");
        var first = crm.updateOpportunity("o1", Map.of("amount", 100_000, "next_step", "Send contract"), null);
        assertEquals(java.util.Set.of("next_step"), first.changes().keySet(), "the amount already was 100,000");
        var again = crm.updateOpportunity("o1", Map.of("amount", 100_000, "next_step", "Send contract"), null);
        assertTrue(again.changes().isEmpty());
        assertTrue(again.note().contains("nothing was written"), again.note());
        assertEquals(1, crm.writes("o1"));
    }
}
