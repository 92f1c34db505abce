package dev.closer.toolset.qualification;

import dev.closer.sales.qualification.DealRiskAssessor;
import dev.closer.sales.qualification.Qualifier;
import dev.closer.tool.ToolHandler;
import java.time.Clock;
import java.util.Map;

/** qualify_opportunity and assess_deal_risk. */
public final class QualificationToolset {

    private final Clock clock;

    public QualificationToolset(Clock clock) {
        this.clock = clock;
    }

    public Map<String, ToolHandler> handlers() {
        return Map.of(
                "qualify_opportunity", new QualifyOpportunityTool(new Qualifier(clock)),
                "assess_deal_risk", new AssessDealRiskTool(new DealRiskAssessor(clock)));
    }
}
