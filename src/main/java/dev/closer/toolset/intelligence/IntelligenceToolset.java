package dev.closer.toolset.intelligence;

import dev.closer.sales.intelligence.PersonaExtractor;
import dev.closer.sales.intelligence.WinLossAccumulator;
import dev.closer.tool.CallContext;
import dev.closer.tool.Json;
import dev.closer.tool.ToolHandler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import dev.closer.crm.CrmAdapter;
import dev.closer.tool.ToolError;
import dev.closer.tool.ToolException;
import tools.jackson.databind.JsonNode;

/** analyze_win_loss_patterns and extract_buyer_personas: deals stream through accumulators. */
public final class IntelligenceToolset {

    private static final int PROGRESS_EVERY = 10_000;

    private final Clock clock;
    private final Function<String, Optional<CrmAdapter>> crm;

    public IntelligenceToolset(Clock clock, Function<String, Optional<CrmAdapter>> crm) {
        this.clock = clock;
        this.crm = crm;
    }

    public Map<String, ToolHandler> handlers() {
        return Map.of("analyze_win_loss_patterns", this::analyze, "extract_buyer_personas", this::personas);
    }

    private JsonNode analyze(JsonNode in, CallContext ctx) {
        Instant since = in.path("time_period_days").isInt()
                ? clock.instant().minus(Duration.ofDays(in.path("time_period_days").asInt())) : null;
        WinLossAccumulator acc = new WinLossAccumulator(in.path("min_deals_for_pattern").asInt(5), since);
        if (in.path("from_crm").asBoolean(false)) {
            CrmAdapter adapter = crm.apply(ctx.profile()).orElseThrow(() -> new ToolException(ToolError.CRM_UNAVAILABLE,
                    "no CRM is configured for this profile", Map.of()));
            new CrmDeals(adapter).closedSince(since).forEach(acc::add);
        }
        JsonNode deals = in.path("deals");
        int n = deals.size();
        for (int i = 0; i < n; i++) {
            acc.add(DealReader.read(deals.get(i), i));
            if (n > PROGRESS_EVERY && (i + 1) % PROGRESS_EVERY == 0) {
                ctx.progress().report(i + 1, n, "analysed " + (i + 1) + " of " + n + " deals");
            }
        }
        return Json.toTree(acc.result());
    }

    private JsonNode personas(JsonNode in, CallContext ctx) {
        PersonaExtractor extractor = new PersonaExtractor();
        JsonNode deals = in.path("deals");
        for (int i = 0; i < deals.size(); i++) {
            JsonNode d = deals.get(i);
            // The guide passes won deals without an outcome field: treat a missing outcome as won here.
            extractor.add(DealReader.read(d.has("outcome") ? d : ((tools.jackson.databind.node.ObjectNode) d.deepCopy())
                    .put("outcome", "won"), i));
        }
        return Json.toTree(extractor.result(in.path("min_occurrences").asInt(2)));
    }
}
