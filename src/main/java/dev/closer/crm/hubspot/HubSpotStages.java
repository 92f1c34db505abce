package dev.closer.crm.hubspot;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * HubSpot deal stage ids ("closedwon", "closedlost", or a custom pipeline's numeric ids) and
 * Closer's names ("Closed Won", "Closed Lost", or the stage's label), read once from the pipelines
 * API. Won/closed come from the stage metadata (isClosed, probability 1.0).
 */
final class HubSpotStages {

    /** {@code label} is Closer's name ("Closed Won" for any won stage); {@code rawLabel} HubSpot's. */
    record Stage(String id, String label, boolean closed, boolean won, String pipeline, String rawLabel) {
    }

    /** In the order the API lists them, so the default pipeline's stages come first. */
    private final Map<String, Stage> byId = new java.util.LinkedHashMap<>();

    static HubSpotStages parse(JsonNode pipelines) {
        HubSpotStages s = new HubSpotStages();
        for (JsonNode pipeline : pipelines.path("results")) {
            for (JsonNode st : pipeline.path("stages")) {
                String id = st.path("id").asString();
                boolean closed = "true".equals(st.path("metadata").path("isClosed").asString());
                boolean won = closed && st.path("metadata").path("probability").asString("0").startsWith("1");
                String label = id.equals("closedwon") || won ? "Closed Won" : id.equals("closedlost") || closed ? "Closed Lost"
                        : st.path("label").asString(id);
                s.byId.put(id, new Stage(id, label, closed, won, pipeline.path("id").asString(), st.path("label").asString(id)));
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
        return new Stage(id, won ? "Closed Won" : lost ? "Closed Lost" : id, won || lost, won, null, id);
    }

    /**
     * The id of the stage called {@code name} (Closer's name, the stage's label, or its id) in
     * {@code pipeline}: a deal can only move within its pipeline.
     */
    String idIn(String pipeline, String name) {
        java.util.List<Stage> mine = byId.values().stream().filter(s -> java.util.Objects.equals(s.pipeline(), pipeline)).toList();
        return mine.stream().filter(s -> s.id().equals(name) || s.label().equalsIgnoreCase(name)).map(Stage::id).findFirst()
                .or(() -> mine.stream().filter(s -> s.rawLabel().equalsIgnoreCase(name)).map(Stage::id).findFirst())
                .orElseThrow(() -> new dev.closer.crm.CrmException(dev.closer.crm.CrmException.Kind.INVALID_REQUEST,
                        "no stage '" + name + "' in this deal's pipeline; its stages are "
                                + mine.stream().map(Stage::rawLabel).toList()));
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
