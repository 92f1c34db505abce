package dev.closer.toolset.outreach;

import dev.closer.sales.outreach.Drafts;
import dev.closer.sales.outreach.QualityGrader;
import dev.closer.sales.outreach.QualityReport;
import dev.closer.tool.CallContext;
import dev.closer.tool.Json;
import dev.closer.tool.ToolException;
import dev.closer.tool.ToolHandler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code assess_message_quality}: grades a draft object, a {subject, body} object or plain text;
 * with a draft id (given or inside the draft object) it stores the grade on that draft.
 */
final class AssessMessageQualityTool implements ToolHandler {

    private final QualityGrader grader;
    private final Drafts drafts;

    AssessMessageQualityTool(QualityGrader grader, Drafts drafts) {
        this.grader = grader;
        this.drafts = drafts;
    }

    @Override
    public JsonNode handle(JsonNode inputs, CallContext context) {
        JsonNode m = inputs.path("message");
        String subject = m.isObject() ? m.path("subject").asString(null) : null;
        String body = m.isObject() ? m.path("body").asString("") : m.asString("");
        String channel = inputs.path("channel").asString(m.path("channel").asString("email"));
        String draftId = inputs.path("draft_id").asString(m.path("draft_id").asString(null));
        if (draftId != null && drafts.find(context.profile(), draftId).isEmpty()) {
            throw ToolException.notFound("draft", draftId);
        }
        JsonNode rc = inputs.path("recipient_context");
        JsonNode known = m.path("personalization_score");
        QualityGrader.Context ctx = new QualityGrader.Context(rc.path("name").asString(null), rc.path("company").asString(null),
                rc.path("title").asString(null), rc.path("industry").asString(null),
                rc.isObject() || !known.isNumber() ? null : known.asDouble());
        QualityReport report = grader.assess(subject, body, channel, ctx);
        if (draftId != null) {
            drafts.updateQuality(context.profile(), draftId, report);
        }
        ObjectNode out = (ObjectNode) Json.toTree(report);
        out.put("draft_id", draftId);
        return out;
    }
}
