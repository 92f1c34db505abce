package dev.closer.crm.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.closer.crm.AccountFilters;
import dev.closer.crm.OpportunityFilters;
import dev.closer.crm.http.VendorHttp;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Against a real org, only when its credentials are in the environment (SALESFORCE_USERNAME ... or
 * SALESFORCE_CLIENT_ID / SALESFORCE_CLIENT_SECRET with SALESFORCE_LOGIN_URL). Read-only: it signs
 * in, reads one account and one page of won opportunities. The failsafe plugin runs {@code *IT}
 * classes in {@code mvn verify}; alone: {@code mvn verify -Dtest=none -Dit.test=SalesforceLiveIT}.
 */
class SalesforceLiveIT {

    private SalesforceAdapter salesforce;

    @BeforeEach
    void connect() {
        salesforce = SalesforceAdapter.fromEnvironment(System.getenv(),
                SalesforceRules.http(VendorHttp.Settings.defaults(), d -> Thread.sleep(d.toMillis()), Clock.systemUTC()));
        assumeTrue(salesforce != null, "no Salesforce credentials in the environment");
    }

    @Test
    void signs_in_and_reads_the_first_account_it_finds() {
        salesforce.ping();
        var page = salesforce.searchAccounts(new AccountFilters(null, null, null), 1, null);
        assumeTrue(!page.items().isEmpty(), "the org has no accounts");
        var first = page.items().get(0);
        var account = salesforce.getAccount(first.id());
        assertEquals(first.id(), account.id());
        assertEquals("salesforce", account.source());
    }

    @Test
    void reads_a_page_of_closed_won_opportunities() {
        var page = salesforce.searchOpportunities(new OpportunityFilters("Closed Won", null, null, null, null), 5, null);
        assertTrue(page.items().size() <= 5);
        page.items().forEach(o -> {
            assertNotNull(o.id());
            assertEquals("Closed Won", o.stage());
            assertTrue(o.isWon() && o.isClosed());
        });
    }
}
