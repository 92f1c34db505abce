package dev.closer.crm.hubspot;

import dev.closer.tool.Json;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * HubSpot deal stage ids ("closedwon", "closedlost", or a custom pipeline's numeric ids) and
 * Closer's names ("Closed Won", "Closed Lost", or the stage's label), read once from the pipelines
 * API. Won/closed come from the stage metadata (isClosed, probability 1.0).
 */
final class HubSpotStages {

    record Stage(String id, String label, boolean closed, boolean won, String pipeline) {
    }

    /** In the order the API lists them, so the default pipeline's stages come first. */
    private final Map<String, Stage> byId = new java.util.LinkedHashMap<>();

    static HubSpotStages parse(String pipelinesJson) {
        HubSpotStages s = new HubSpotStages();
        for (JsonNode pipeline : Json.parse(pipelinesJson).path("results")) {
            for (JsonNode st : pipeline.path("stages")) {
                String id = st.path("id").asString();
                boolean closed = "true".equals(st.path("metadata").path("isClosed").asString());
                boolean won = closed && st.path("metadata").path("probability").asString("0").startsWith("1");
                String label = id.equals("closedwon") || won ? "Closed Won" : id.equals("closedlost") || closed ? "Closed Lost"
                        : st.path("label").asString(id);
                s.byId.put(id, new Stage(id, label, closed, won, pipeline.path("id").asString()));
            }
        }
        return s;
    }

    Stage of(String id) {
        Stage s = byId.get(id);
        if (s != null) {
            return s;
        }
        boolean won = "closedwon".equals(id);
        boolean lost = "closedlost".equals(id);
        return new Stage(id, won ? "Closed Won" : lost ? "Closed Lost" : id, won || lost, won, null);
    }

    /** The id of the stage called {@code name} in {@code pipeline} (a deal can only move within its pipeline). */
    String idIn(String pipeline, String name) {
        return byId.values().stream().filter(s -> s.label().equalsIgnoreCase(name) && java.util.Objects.equals(s.pipeline(), pipeline))
                .map(Stage::id).findFirst().orElse(idsNamed(name).get(0));
    }

    /** The stage ids that carry Closer's name (e.g. every stage that counts as "Closed Won"). */
    java.util.List<String> idsNamed(String name) {
        java.util.List<String> ids = byId.values().stream().filter(s -> s.label().equalsIgnoreCase(name)).map(Stage::id).toList();
        if (!ids.isEmpty()) {
            return ids;
        }
        return java.util.List.of(name.equalsIgnoreCase("Closed Won") ? "closedwon" : name.equalsIgnoreCase("Closed Lost") ? "closedlost" : name);
    }
}
