package dev.closer.toolset.accounts;

import dev.closer.crm.CrmAdapter;
import dev.closer.sales.accounts.AccountNormalizer;
import dev.closer.sales.accounts.AccountSignals;
import dev.closer.sales.accounts.SignalStore;
import dev.closer.tool.CallContext;
import dev.closer.tool.Json;
import dev.closer.tool.ToolHandler;
import java.time.Clock;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/** get_account_signals and normalize_account_record. */
public final class AccountsToolset {

    private final AccountSignals signals;
    private final AccountNormalizer normalizer = new AccountNormalizer();

    public AccountsToolset(SignalStore store, Function<String, Optional<CrmAdapter>> crm, Clock clock) {
        this.signals = new AccountSignals(store, crm, clock);
    }

    public Map<String, ToolHandler> handlers() {
        return Map.of("get_account_signals", this::accountSignals, "normalize_account_record", this::normalize);
    }

    private JsonNode accountSignals(JsonNode in, CallContext ctx) {
        Set<String> types = new HashSet<>();
        in.path("signal_types").forEach(t -> types.add(t.asString()));
        JsonNode adapter = in.path("adapter");
        // The guide passes its adapter object; any non-null, non-false value asks for enrichment.
        boolean enrich = in.path("enrich_from_crm").asBoolean(false)
                || (!adapter.isMissingNode() && !adapter.isNull() && !(adapter.isBoolean() && !adapter.asBoolean()));
        return Json.toTree(signals.signals(ctx.profile(), new AccountSignals.Request(in.path("account_id").asString(),
                enrich, types, in.path("since_days").isInt() ? in.path("since_days").asInt() : null)));
    }

    @SuppressWarnings("unchecked")
    private JsonNode normalize(JsonNode in, CallContext ctx) {
        return Json.toTree(normalizer.normalize(Json.MAPPER.convertValue(in.path("account_data"), Map.class),
                in.path("source_type").asString("generic")));
    }
}
