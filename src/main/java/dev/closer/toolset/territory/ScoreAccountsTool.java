package dev.closer.toolset.territory;

import dev.closer.sales.territory.Account;
import dev.closer.sales.territory.Geography;
import dev.closer.sales.territory.IcpScore;
import dev.closer.sales.territory.IcpScorer;
import dev.closer.sales.territory.IndustryTaxonomy;
import dev.closer.sales.territory.MarketDefinition;
import dev.closer.sales.territory.MarketDefinitions;
import dev.closer.sales.territory.MarketParser;
import dev.closer.tool.CallContext;
import dev.closer.tool.Json;
import dev.closer.tool.ToolException;
import dev.closer.tool.ToolHandler;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code score_accounts}: the accounts, in input order, each with its score, label, breakdown and
 * reasons; the account itself is echoed as given (extra fields kept).
 */
final class ScoreAccountsTool implements ToolHandler {

    private static final int PROGRESS_EVERY = 10_000;

    private final IndustryTaxonomy taxonomy;
    private final Geography geography;
    private final MarketParser parser;
    private final MarketDefinitions markets;

    ScoreAccountsTool(IndustryTaxonomy taxonomy, Geography geography, MarketParser parser, MarketDefinitions markets) {
        this.taxonomy = taxonomy;
        this.geography = geography;
        this.parser = parser;
        this.markets = markets;
    }

    @Override
    public JsonNode handle(JsonNode inputs, CallContext context) {
        MarketDefinition market = market(inputs, context.profile());
        IcpScorer scorer = new IcpScorer(taxonomy, geography, market);
        JsonNode accounts = inputs.path("accounts");
        ArrayNode out = Json.MAPPER.createArrayNode();
        SharedNodes shared = new SharedNodes();
        int n = accounts.size();
        for (int i = 0; i < n; i++) {
            JsonNode a = accounts.get(i);
            IcpScore s = scorer.score(toAccount(a));
            ObjectNode row = out.addObject();
            row.set("account", a);
            row.put("icp_score", s.icpScore());
            row.set("recommendation", shared.text(s.recommendation()));
            row.set("breakdown", shared.breakdown(s));
            row.set("reasons", shared.reasons(s));
            if (n > PROGRESS_EVERY && (i + 1) % PROGRESS_EVERY == 0) {
                context.progress().report(i + 1, n, "scored " + (i + 1) + " of " + n + " accounts");
            }
        }
        ObjectNode result = Json.object();
        result.set("scored_accounts", out);
        result.put("account_count", n);
        result.set("market_definition", Json.toTree(market));
        return result;
    }

    /**
     * Most accounts of a batch share their breakdown (the scorer reuses one Part per distinct
     * industry, place and in-range figure), so equal breakdowns and reasons become one JSON node
     * referenced from every row: a 100,000-account result is then mostly references, not copies,
     * which keeps allocation and garbage collection small. Keyed by the parts' identity.
     */
    private static final class SharedNodes {
        private final Map<List<IcpScore.Part>, ObjectNode> breakdowns = new java.util.HashMap<>();
        private final Map<List<IcpScore.Part>, ArrayNode> reasons = new java.util.HashMap<>();
        private final Map<String, JsonNode> texts = new java.util.HashMap<>();

        JsonNode text(String s) {
            return texts.computeIfAbsent(s, k -> Json.MAPPER.getNodeFactory().stringNode(k));
        }

        ObjectNode breakdown(IcpScore s) {
            return breakdowns.computeIfAbsent(key(s), k -> {
                ObjectNode breakdown = Json.object();
                for (Map.Entry<String, IcpScore.Part> p : s.breakdown().entrySet()) {
                    ObjectNode part = breakdown.putObject(p.getKey());
                    part.put("score", p.getValue().score());
                    part.put("weight", p.getValue().weight());
                    part.put("reason", p.getValue().reason());
                }
                return breakdown;
            });
        }

        ArrayNode reasons(IcpScore s) {
            return reasons.computeIfAbsent(key(s), k -> {
                ArrayNode r = Json.MAPPER.createArrayNode();
                s.reasons().forEach(r::add);
                return r;
            });
        }

        /** The parts in order, compared by identity (Part is a record: equal values would also do). */
        private static List<IcpScore.Part> key(IcpScore s) {
            return List.copyOf(s.breakdown().values());
        }
    }

    @SuppressWarnings("unchecked")
    private MarketDefinition market(JsonNode inputs, String profile) {
        JsonNode id = inputs.path("market_id");
        JsonNode inline = inputs.path("market_definition");
        if (id.isString() && inline.isObject()) {
            throw ToolException.invalid("/market_id", "give either market_id or market_definition, not both");
        }
        if (id.isString()) {
            return markets.find(profile, id.asString()).orElseThrow(() -> ToolException.notFound("market", id.asString()));
        }
        if (!inline.isObject()) {
            throw ToolException.invalid("/market_definition", "give market_definition (as returned by define_target_market) or market_id");
        }
        try {
            return parser.parse(Json.MAPPER.convertValue(inline, Map.class)).market();
        } catch (MarketParser.InvalidField e) {
            throw ToolException.invalid(e.field(), e.getMessage());
        }
    }

    private static Account toAccount(JsonNode a) {
        JsonNode geo = a.has("geography") ? a.get("geography") : a.has("region") ? a.get("region") : a.get("location");
        JsonNode employees = a.has("employees") ? a.get("employees") : a.get("employee_count");
        return new Account(text(a.get("name")), text(a.get("industry")), number(a.get("revenue")), number(employees), text(geo));
    }

    private static String text(JsonNode n) {
        return n == null || !n.isString() || n.asString().isBlank() ? null : n.asString();
    }

    private static Double number(JsonNode n) {
        return n == null || !n.isNumber() ? null : n.asDouble();
    }
}
