package dev.closer.toolset.platform;

import dev.closer.policy.BudgetCeiling;
import dev.closer.policy.Profile;
import dev.closer.policy.ProfileCatalog;
import dev.closer.store.BudgetLedger;
import dev.closer.tool.CallContext;
import dev.closer.tool.Json;
import dev.closer.tool.ToolHandler;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code get_budget_status}: the calling profile's ceiling, spend, remaining, window and spend per trace. */
public final class BudgetStatusTool implements ToolHandler {

    private static final int TOP_TRACES = 20;

    private final ProfileCatalog profiles;
    private final BudgetCeiling budget;
    private final BudgetLedger ledger;

    public BudgetStatusTool(ProfileCatalog profiles, BudgetCeiling budget, BudgetLedger ledger) {
        this.profiles = profiles;
        this.budget = budget;
        this.ledger = ledger;
    }

    @Override
    public JsonNode handle(JsonNode inputs, CallContext context) {
        Profile p = profiles.find(context.profile()).orElseThrow();
        String window = budget.windowStart(p);
        long spent = budget.spent(p);
        ObjectNode out = Json.object();
        out.put("profile", p.name());
        out.put("ceiling", p.budgetCeiling());
        out.put("spent", spent);
        out.put("remaining", Math.max(0, p.budgetCeiling() - spent));
        out.put("window", p.window().name().toLowerCase(Locale.ROOT));
        out.put("window_start", window);
        String trace = inputs.path("trace_id").asString(context.traceId());
        out.put("trace_id", trace);
        BudgetLedger.TraceSpend spend = ledger.spentByTrace(p.name(), window, trace, TOP_TRACES);
        out.put("trace_spent", spend.traceSpent());
        ObjectNode byTrace = out.putObject("spent_by_trace");
        for (Map.Entry<String, Long> e : spend.top().entrySet()) {
            byTrace.put(e.getKey(), e.getValue());
        }
        return out;
    }
}
