package dev.closer.toolset.qualification;

import dev.closer.sales.qualification.QualificationRequest;
import dev.closer.sales.qualification.Qualifier;
import dev.closer.tool.CallContext;
import dev.closer.tool.Json;
import dev.closer.tool.ToolException;
import dev.closer.tool.ToolHandler;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** {@code qualify_opportunity}: JSON in, {@link Qualifier} result out. */
final class QualifyOpportunityTool implements ToolHandler {

    private final Qualifier qualifier;

    QualifyOpportunityTool(Qualifier qualifier) {
        this.qualifier = qualifier;
    }

    @Override
    @SuppressWarnings("unchecked")
    public JsonNode handle(JsonNode inputs, CallContext context) {
        Map<String, Object> criteria = Json.MAPPER.convertValue(inputs.path("criteria"), Map.class);
        JsonNode threshold = inputs.path("threshold");
        JsonNode stage = inputs.path("stage");
        QualificationRequest request = new QualificationRequest(inputs.path("framework").asString("BANT"), criteria,
                threshold.isNumber() ? threshold.asDouble() : null, stage.isString() ? stage.asString() : null);
        try {
            return Json.toTree(qualifier.qualify(request));
        } catch (IllegalArgumentException e) {
            throw ToolException.invalid(e.getMessage().startsWith("unknown stage") ? "/stage" : "/framework", e.getMessage());
        }
    }
}
