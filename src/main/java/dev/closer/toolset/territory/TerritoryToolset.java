package dev.closer.toolset.territory;

import dev.closer.sales.territory.Geography;
import dev.closer.sales.territory.IndustryTaxonomy;
import dev.closer.sales.territory.MarketDefinitions;
import dev.closer.sales.territory.MarketParser;
import dev.closer.sales.territory.Territories;
import dev.closer.tool.ToolHandler;
import java.util.HashMap;
import java.util.Map;

/** define_target_market, score_accounts, simulate_territory_change and assess_capacity_coverage. */
public final class TerritoryToolset {

    private final MarketDefinitions markets;
    private final Territories territories;

    public TerritoryToolset(MarketDefinitions markets, Territories territories) {
        this.markets = markets;
        this.territories = territories;
    }

    public Map<String, ToolHandler> handlers() {
        IndustryTaxonomy taxonomy = new IndustryTaxonomy();
        Geography geography = new Geography();
        MarketParser parser = new MarketParser(taxonomy, geography);
        Map<String, ToolHandler> h = new HashMap<>();
        h.put("define_target_market", new DefineTargetMarketTool(parser, markets));
        h.put("score_accounts", new ScoreAccountsTool(taxonomy, geography, parser, markets));
        PlanningTools planning = new PlanningTools(territories);
        h.put("simulate_territory_change", planning::simulate);
        h.put("assess_capacity_coverage", planning::capacity);
        return h;
    }
}
