package dev.closer.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.closer.crm.OpportunityFilters;
import dev.closer.crm.http.RateLimiter;
import dev.closer.crm.http.VendorHttp;
import dev.closer.crm.hubspot.HubSpotAdapter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads 10,000 closed deals across 100 search pages from a WireMock HubSpot (real wire format:
 * search pages with {@code total} and {@code paging.next.after}, one v4 associations batch per
 * page), with and without simulated vendor latency, one page at a time and four at once, and under
 * HubSpot's documented search limit of four requests a second. Reports the median time and the
 * requests WireMock received. Usage: CrmScanTimings [runs=5]
 */
public final class CrmScanTimings {

    private static final int DEALS = 10_000;
    private static final int PAGE = 100;

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        WireMockServer wm = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(32).asynchronousResponseEnabled(false));
        wm.start();
        try {
            for (int latency : new int[] {0, 150}) {
                stub(wm, latency);
                time(wm, "latency " + latency + " ms, 1 page at a time, no limiter", runs, 1, 0);
                time(wm, "latency " + latency + " ms, 4 pages at once, no limiter", runs, 4, 0);
            }
            time(wm, "latency 150 ms, 4 pages at once, 4 searches/s (the default)", Math.min(runs, 3), 4, 4);
        } finally {
            wm.stop();
        }
    }

    private static void time(WireMockServer wm, String what, int runs, int concurrency, double searchesPerSecond) {
        List<Double> ms = new ArrayList<>();
        int requests = 0;
        for (int i = 0; i < runs + 1; i++) {
            wm.resetRequests();
            HubSpotAdapter hubspot = new HubSpotAdapter(wm.baseUrl(), "bench-token",
                    new VendorHttp("hubspot", VendorHttp.Settings.defaults(), d -> Thread.sleep(d.toMillis()), Clock.systemUTC(),
                            HubSpotAdapter.rules()),
                    searchesPerSecond > 0 ? new RateLimiter(searchesPerSecond, d -> Thread.sleep(d.toMillis())) : RateLimiter.unlimited(),
                    concurrency);
            long t0 = System.nanoTime();
            int[] seen = {0};
            int n = hubspot.scanOpportunities(new OpportunityFilters("Closed Won", null, null, null, null), DEALS, o -> seen[0]++);
            double elapsed = (System.nanoTime() - t0) / 1e6;
            if (n != DEALS || seen[0] != DEALS) {
                throw new IllegalStateException("read " + n + " deals, expected " + DEALS);
            }
            requests = wm.countRequestsMatching(anyRequestedFor(anyUrl()).build()).getCount();
            if (i > 0) {
                ms.add(elapsed);
            }
        }
        Collections.sort(ms);
        System.out.printf("%-62s median %8.0f ms  min %7.0f  max %7.0f  (%d runs, %d requests per scan)%n", what,
                ms.get(ms.size() / 2), ms.get(0), ms.get(ms.size() - 1), runs, requests);
    }

    private static void stub(WireMockServer wm, int latency) throws Exception {
        wm.resetMappings();
        wm.stubFor(get(urlPathEqualTo("/crm/v3/pipelines/deals")).willReturn(aResponse().withFixedDelay(latency)
                .withHeader("Content-Type", "application/json")
                .withBody(Files.readString(Path.of("src/test/resources/crm/hubspot/pipelines-deals.json")))));
        for (int offset = 0; offset < DEALS; offset += PAGE) {
            StringBuilder page = new StringBuilder("{\"total\": " + DEALS + ", \"results\": [");
            StringBuilder assoc = new StringBuilder("{\"status\": \"COMPLETE\", \"results\": [");
            for (int i = offset; i < offset + PAGE; i++) {
                String id = String.valueOf(100_000 + i);
                page.append(i > offset ? "," : "").append("{\"id\": \"").append(id).append("\", \"properties\": {\"amount\": \"")
                        .append(10_000 + i * 7 % 90_000).append("\", \"closedate\": \"2025-").append(String.format("%02d", 1 + i % 12))
                        .append("-15T00:00:00Z\", \"createdate\": \"2024-12-01T00:00:00Z\", \"dealname\": \"Deal ").append(i)
                        .append("\", \"dealstage\": \"closedwon\", \"pipeline\": \"default\", \"hubspot_owner_id\": \"77\", \"hs_object_id\": \"")
                        .append(id).append("\"}, \"createdAt\": \"2024-12-01T00:00:00Z\", \"updatedAt\": \"2025-12-01T00:00:00Z\","
                                + " \"archived\": false}");
                assoc.append(i > offset ? "," : "").append("{\"from\": {\"id\": \"").append(id).append("\"}, \"to\": [{\"toObjectId\": ")
                        .append(5_000 + i % 800).append(", \"associationTypes\": [{\"category\": \"HUBSPOT_DEFINED\", \"typeId\": 5,"
                                + " \"label\": \"Primary\"}]}]}");
            }
            page.append("]");
            if (offset + PAGE < DEALS) {
                page.append(", \"paging\": {\"next\": {\"after\": \"").append(offset + PAGE).append("\", \"link\": \"?after=")
                        .append(offset + PAGE).append("\"}}");
            }
            page.append("}");
            assoc.append("]}");
            var search = post(urlPathEqualTo("/crm/v3/objects/deals/search"));
            search = offset == 0 ? search.atPriority(9) : search.withRequestBody(matchingJsonPath("$.after",
                    com.github.tomakehurst.wiremock.client.WireMock.equalTo(String.valueOf(offset)))).atPriority(1);
            wm.stubFor(search.willReturn(aResponse().withFixedDelay(latency).withHeader("Content-Type", "application/json")
                    .withBody(page.toString())));
            wm.stubFor(post(urlPathEqualTo("/crm/v4/associations/deals/companies/batch/read"))
                    .withRequestBody(matchingJsonPath("$.inputs[0].id", com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                            String.valueOf(100_000 + offset))))
                    .willReturn(aResponse().withFixedDelay(latency).withHeader("Content-Type", "application/json").withBody(assoc.toString())));
        }
    }
}
