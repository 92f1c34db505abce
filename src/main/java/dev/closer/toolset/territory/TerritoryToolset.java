package dev.closer.toolset.territory;

import dev.closer.sales.territory.Geography;
import dev.closer.sales.territory.IndustryTaxonomy;
import dev.closer.sales.territory.MarketDefinitions;
import dev.closer.sales.territory.MarketParser;
import dev.closer.tool.ToolHandler;
import java.util.HashMap;
import java.util.Map;

/** define_target_market and score_accounts. */
public final class TerritoryToolset {

    private final MarketDefinitions markets;

    public TerritoryToolset(MarketDefinitions markets) {
        this.markets = markets;
    }

    public Map<String, ToolHandler> handlers() {
        IndustryTaxonomy taxonomy = new IndustryTaxonomy();
        Geography geography = new Geography();
        MarketParser parser = new MarketParser(taxonomy, geography);
        Map<String, ToolHandler> h = new HashMap<>();
        h.put("define_target_market", new DefineTargetMarketTool(parser, markets));
        h.put("score_accounts", new ScoreAccountsTool(taxonomy, geography, parser, markets));
        return h;
    }
}
