package dev.closer.crm.pipedrive;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Pipedrive's pipeline stages (GET /api/v2/stages, read once). Unlike HubSpot, won and lost are not
 * stages in Pipedrive but a deal {@code status}: a won deal keeps the stage it was won from. So
 * Closer's "Closed Won"/"Closed Lost" come from the status, and only open deals show a stage name.
 */
final class PipedriveStages {

    record Stage(long id, String name, Long pipelineId) {
    }

    private final Map<Long, Stage> byId = new LinkedHashMap<>();

    void add(JsonNode stage) {
        if (stage.path("is_deleted").asBoolean(false)) {
            return;
        }
        long id = stage.path("id").asLong();
        JsonNode pipeline = stage.path("pipeline_id");
        byId.put(id, new Stage(id, PipedriveJson.text(stage.path("name")), pipeline.isNumber() ? pipeline.asLong() : null));
    }

    /** The name of the stage with this id, or the id itself when the stage is unknown (deleted since). */
    String name(Long id) {
        if (id == null) {
            return null;
        }
        Stage s = byId.get(id);
        return s == null || s.name() == null ? String.valueOf(id) : s.name();
    }

    /** Ids of the stages called {@code name}, in every pipeline (case-insensitive). */
    List<Long> idsNamed(String name) {
        List<Long> ids = new ArrayList<>();
        for (Stage s : byId.values()) {
            if (s.name() != null && s.name().equalsIgnoreCase(name.strip())) {
                ids.add(s.id());
            }
        }
        return ids;
    }

    /** The stage called {@code name} in {@code pipeline} (a deal moves within its pipeline), else in any pipeline. */
    Long idIn(Long pipeline, String name) {
        List<Long> ids = idsNamed(name);
        return ids.stream().filter(id -> Objects.equals(byId.get(id).pipelineId(), pipeline)).findFirst()
                .orElse(ids.isEmpty() ? null : ids.get(0));
    }

    /** For error messages: the names a caller can use. */
    String known() {
        return byId.values().stream().map(Stage::name).filter(Objects::nonNull).distinct()
                .collect(Collectors.joining("\", \"", "\"Closed Won\", \"Closed Lost\", \"", "\""));
    }
}
