package dev.closer.crm.hubspot;

import dev.closer.crm.CrmException;
import dev.closer.crm.CrmOpportunity;
import dev.closer.crm.OpportunityFilters;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * Reads every deal a search matches. HubSpot's search cursor is an offset and its first page says
 * how many match ({@code total}), so the later pages can be asked for at once: up to
 * {@code concurrency} in flight, each still waiting for its slot under the search rate limit, and
 * handed on in order. Past 10,000 matches HubSpot answers no more, so such a scan is refused up
 * front with advice instead of returning a silent partial result.
 */
final class HubSpotScan {

    private static final int PAGE = 100;
    private static final int CAP = 10_000;

    private final HubSpotAdapter hubspot;
    private final int concurrency;

    HubSpotScan(HubSpotAdapter hubspot, int concurrency) {
        this.hubspot = hubspot;
        this.concurrency = Math.max(1, concurrency);
    }

    int run(OpportunityFilters f, int max, Consumer<CrmOpportunity> sink) {
        ArrayNode filters = hubspot.dealFilters(f);
        JsonNode first = hubspot.search("deals", filters, HubSpotRecords.DEAL_PROPS, PAGE, null);
        int total = first.path("total").asInt(first.path("results").size());
        int wanted = Math.min(total, max);
        if (wanted > CAP) {
            throw new CrmException(CrmException.Kind.INVALID_REQUEST, total + " HubSpot deals match, and HubSpot's search"
                    + " returns at most " + CAP + "; narrow the period (close dates) or the stage");
        }
        int seen = deliver(hubspot.deals(first, f.accountId()), wanted, 0, sink);
        if (seen >= wanted || first.path("paging").path("next").isMissingNode()) {
            return seen;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, (wanted - 1) / PAGE), r -> {
            Thread t = new Thread(r, "hubspot-scan");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<List<CrmOpportunity>>> pages = new ArrayList<>();
            for (int offset = PAGE; offset < wanted; offset += PAGE) {
                String cursor = String.valueOf(offset);
                pages.add(pool.submit(() -> hubspot.deals(hubspot.search("deals", filters, HubSpotRecords.DEAL_PROPS, PAGE, cursor),
                        f.accountId())));
            }
            for (Future<List<CrmOpportunity>> page : pages) {
                seen = deliver(page.get(), wanted, seen, sink);
            }
            return seen;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r
                    : new CrmException(CrmException.Kind.UNAVAILABLE, "HubSpot scan failed: " + e.getCause().getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CrmException(CrmException.Kind.UNAVAILABLE, "interrupted while reading HubSpot deals");
        } finally {
            pool.shutdownNow();
        }
    }

    private static int deliver(List<CrmOpportunity> page, int wanted, int seen, Consumer<CrmOpportunity> sink) {
        for (CrmOpportunity o : page) {
            if (seen < wanted) {
                sink.accept(o);
                seen++;
            }
        }
        return seen;
    }
}
