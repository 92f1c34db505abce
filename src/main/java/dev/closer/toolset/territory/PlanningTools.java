package dev.closer.toolset.territory;

import dev.closer.sales.territory.CapacityCoverage;
import dev.closer.sales.territory.Territories;
import dev.closer.sales.territory.TerritoryChange;
import dev.closer.tool.CallContext;
import dev.closer.tool.Json;
import dev.closer.tool.ToolException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** simulate_territory_change (on the profile's stored territories) and assess_capacity_coverage. */
final class PlanningTools {

    private final Territories territories;

    PlanningTools(Territories territories) {
        this.territories = territories;
    }

    JsonNode simulate(JsonNode in, CallContext ctx) {
        String from = in.path("from_territory").asString();
        String to = in.path("to_territory").asString();
        if (from.equals(to)) {
            throw ToolException.invalid("/to_territory", "from_territory and to_territory are the same");
        }
        Territories.Territory f = territories.find(ctx.profile(), from).orElseThrow(() -> missing(ctx, "/from_territory", from));
        Territories.Territory t = territories.find(ctx.profile(), to).orElseThrow(() -> missing(ctx, "/to_territory", to));
        List<String> ids = new ArrayList<>();
        in.path("account_ids").forEach(x -> ids.add(x.asString()));
        return Json.toTree(new TerritoryChange().simulate(f, t, ids));
    }

    private ToolException missing(CallContext ctx, String field, String name) {
        List<String> known = territories.all(ctx.profile()).stream().map(Territories.Territory::name).toList();
        return new ToolException("NOT_FOUND", "no territory '" + name + "' in this profile; known: "
                + (known.isEmpty() ? "none (import them with 'closer import territories FILE')" : String.join(", ", known)),
                java.util.Map.of("field", field));
    }

    JsonNode capacity(JsonNode in, CallContext ctx) {
        List<CapacityCoverage.Territory> list = new ArrayList<>();
        in.path("territories").forEach(t -> list.add(new CapacityCoverage.Territory(t.path("name").asString(),
                t.path("account_count").asInt(), t.path("rep_count").asInt())));
        return Json.toTree(new CapacityCoverage().assess(list, in.path("capacity_threshold").asInt(50)));
    }
}
