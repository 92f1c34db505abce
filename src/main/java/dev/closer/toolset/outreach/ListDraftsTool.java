package dev.closer.toolset.outreach;

import dev.closer.sales.outreach.Draft;
import dev.closer.sales.outreach.Drafts;
import dev.closer.tool.CallContext;
import dev.closer.tool.Json;
import dev.closer.tool.ToolHandler;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code list_drafts}: the profile's review queue, newest first, with grades; cursor paging. */
final class ListDraftsTool implements ToolHandler {

    private final Drafts drafts;

    ListDraftsTool(Drafts drafts) {
        this.drafts = drafts;
    }

    @Override
    public JsonNode handle(JsonNode inputs, CallContext context) {
        int limit = inputs.path("limit").asInt(20);
        String status = inputs.path("status").asString(null);
        String cursor = inputs.path("cursor").asString(null);
        List<Draft> page = drafts.list(context.profile(), status, limit + 1, cursor);
        boolean more = page.size() > limit;
        List<Draft> shown = more ? page.subList(0, limit) : page;
        ObjectNode out = Json.object();
        out.set("drafts", Json.toTree(shown));
        out.put("count", shown.size());
        out.put("next_cursor", more ? shown.get(shown.size() - 1).draftId() : null);
        return out;
    }
}
