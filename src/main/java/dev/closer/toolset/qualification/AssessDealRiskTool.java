package dev.closer.toolset.qualification;

import dev.closer.sales.qualification.DealRiskAssessor;
import dev.closer.tool.CallContext;
import dev.closer.tool.Json;
import dev.closer.tool.ToolHandler;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** {@code assess_deal_risk}: the opportunity object in, {@link DealRiskAssessor} result out. */
final class AssessDealRiskTool implements ToolHandler {

    private final DealRiskAssessor assessor;

    AssessDealRiskTool(DealRiskAssessor assessor) {
        this.assessor = assessor;
    }

    @Override
    @SuppressWarnings("unchecked")
    public JsonNode handle(JsonNode inputs, CallContext context) {
        return Json.toTree(assessor.assess(Json.MAPPER.convertValue(inputs.path("opportunity"), Map.class)));
    }
}
