package dev.closer.crm.pipedrive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.closer.crm.AccountFilters;
import dev.closer.crm.OpportunityFilters;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Against a real Pipedrive account, read-only: runs only when PIPEDRIVE_API_TOKEN is set (the
 * failsafe plugin runs {@code *IT} classes in {@code mvn verify}). It reads the first organization
 * and one page of won deals, and writes nothing.
 */
class PipedriveLiveIT {

    @Test
    void reads_the_first_organization_and_a_page_of_won_deals() {
        Map<String, String> env = System.getenv();
        String token = env.get("PIPEDRIVE_API_TOKEN");
        assumeTrue(token != null && !token.isBlank(), "PIPEDRIVE_API_TOKEN is not set");
        PipedriveAdapter pipedrive = PipedriveAdapter.fromEnvironment(env, Clock.systemUTC());

        var accounts = pipedrive.searchAccounts(new AccountFilters(null, null, null), 1, null);
        assertTrue(accounts.items().size() <= 1);
        accounts.items().forEach(a -> {
            assertNotNull(a.id());
            assertEquals("pipedrive", a.source());
            assertEquals(a.id(), pipedrive.getAccount(a.id()).id());
        });

        var won = pipedrive.searchOpportunities(new OpportunityFilters("Closed Won", null, null, null, null), 10, null);
        assertTrue(won.items().size() <= 10);
        won.items().forEach(o -> assertTrue(o.isWon() && o.isClosed() && "Closed Won".equals(o.stage()), o.toString()));
    }
}
