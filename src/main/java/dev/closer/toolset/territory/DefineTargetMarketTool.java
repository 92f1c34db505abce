package dev.closer.toolset.territory;

import dev.closer.sales.territory.MarketDefinitions;
import dev.closer.sales.territory.MarketParser;
import dev.closer.tool.CallContext;
import dev.closer.tool.Json;
import dev.closer.tool.ToolException;
import dev.closer.tool.ToolHandler;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code define_target_market}: parse, store per profile, return with its market_id. */
final class DefineTargetMarketTool implements ToolHandler {

    private final MarketParser parser;
    private final MarketDefinitions markets;

    DefineTargetMarketTool(MarketParser parser, MarketDefinitions markets) {
        this.parser = parser;
        this.markets = markets;
    }

    @Override
    @SuppressWarnings("unchecked")
    public JsonNode handle(JsonNode inputs, CallContext context) {
        MarketParser.Parsed parsed;
        try {
            parsed = parser.parse(Json.MAPPER.convertValue(inputs.path("market_definition"), Map.class));
        } catch (MarketParser.InvalidField e) {
            throw ToolException.invalid(e.field(), e.getMessage());
        }
        String id = markets.save(context.profile(), parsed.market());
        ObjectNode out = Json.object();
        out.put("market_id", id);
        out.set("market_definition", Json.toTree(parsed.market()));
        out.set("warnings", Json.toTree(parsed.warnings()));
        return out;
    }
}
