package dev.closer.crm.hubspot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.closer.crm.AccountFilters;
import dev.closer.crm.OpportunityFilters;
import dev.closer.crm.http.RateLimiter;
import dev.closer.crm.http.VendorHttp;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/**
 * Against a real HubSpot portal, read-only: runs only when HUBSPOT_ACCESS_TOKEN (or HUBSPOT_API_KEY)
 * is set (the failsafe plugin runs {@code *IT} classes in {@code mvn verify}). It reads one company
 * and one page of won deals, and writes nothing.
 */
class HubSpotLiveIT {

    @Test
    void reads_a_company_and_a_page_of_won_deals() {
        String token = System.getenv().getOrDefault("HUBSPOT_ACCESS_TOKEN", System.getenv("HUBSPOT_API_KEY"));
        assumeTrue(token != null && !token.isBlank(), "HUBSPOT_ACCESS_TOKEN is not set");
        String base = System.getenv().getOrDefault("HUBSPOT_BASE_URL", "https://api.hubapi.com");
        HubSpotAdapter hubspot = new HubSpotAdapter(base, token.strip(), new VendorHttp("hubspot", VendorHttp.Settings.defaults(),
                d -> Thread.sleep(d.toMillis()), Clock.systemUTC(), HubSpotAdapter.rules()),
                new RateLimiter(4, d -> Thread.sleep(d.toMillis())), 2);
        hubspot.ping();
        var companies = hubspot.searchAccounts(new AccountFilters(null, null, null), 1, null);
        companies.items().forEach(a -> {
            assertNotNull(a.id());
            assertEquals("hubspot", a.source());
            assertEquals(a.id(), hubspot.getAccount(a.id()).id());
        });
        var won = hubspot.searchOpportunities(new OpportunityFilters("Closed Won", null, null, null, null), 10, null);
        assertTrue(won.items().size() <= 10);
        won.items().forEach(o -> assertTrue(o.isWon() && o.isClosed(), o.toString()));
    }
}
