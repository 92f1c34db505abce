package dev.closer.toolset.outreach;

import dev.closer.sales.outreach.TemplateLibrary;
import dev.closer.sales.outreach.TemplateSyntax;
import dev.closer.tool.CallContext;
import dev.closer.tool.Json;
import dev.closer.tool.ToolError;
import dev.closer.tool.ToolException;
import dev.closer.tool.ToolHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code manage_template_library}: one operation per call. */
final class ManageTemplateLibraryTool implements ToolHandler {

    private final TemplateLibrary library;

    ManageTemplateLibraryTool(TemplateLibrary library) {
        this.library = library;
    }

    @Override
    public JsonNode handle(JsonNode inputs, CallContext context) {
        String op = inputs.path("operation").asString();
        String profile = context.profile();
        ObjectNode out = Json.object();
        out.put("operation", op);
        try {
            switch (op) {
                case "create" -> out.set("template", Json.toTree(library.create(profile, fields(inputs, true))));
                case "read" -> out.set("template", Json.toTree(library.read(profile, key(inputs), version(inputs))));
                case "update" -> out.set("template", Json.toTree(library.update(profile, key(inputs), fields(inputs, false))));
                case "delete" -> {
                    out.set("template", Json.toTree(library.delete(profile, key(inputs))));
                    out.put("deleted", true);
                }
                case "list" -> out.set("templates", Json.toTree(library.list(profile)));
                case "search" -> {
                    String q = inputs.path("query").asString("");
                    if (q.isBlank()) {
                        throw ToolException.invalid("/query", "search needs a query");
                    }
                    out.set("templates", Json.toTree(library.search(profile, q)));
                }
                default -> throw ToolException.invalid("/operation", "unknown operation '" + op + "'");
            }
        } catch (TemplateLibrary.Refused e) {
            if (e.notFound()) {
                throw new ToolException(ToolError.NOT_FOUND, e.getMessage(), Map.of("field", e.field()));
            }
            throw ToolException.invalid(e.field(), e.getMessage());
        } catch (TemplateSyntax.Invalid e) {
            throw ToolException.invalid(e.field(), e.getMessage());
        }
        if (out.has("templates")) {
            out.put("count", out.get("templates").size());
        }
        return out;
    }

    private static String key(JsonNode inputs) {
        String id = inputs.path("template_id").asString(null);
        if (id == null) {
            id = inputs.path("name").asString(null);
        }
        if (id == null) {
            id = inputs.path("template").path("name").asString(null);
        }
        if (id == null) {
            throw ToolException.invalid("/template_id", "give template_id or name");
        }
        return id;
    }

    private static Integer version(JsonNode inputs) {
        return inputs.path("version").isInt() ? inputs.path("version").asInt() : null;
    }

    private static TemplateLibrary.Draft fields(JsonNode inputs, boolean create) {
        JsonNode t = inputs.path("template");
        if (!t.isObject()) {
            throw ToolException.invalid("/template", (create ? "create" : "update") + " needs a template object");
        }
        List<String> tags = null;
        if (t.has("tags")) {
            tags = new ArrayList<>();
            for (JsonNode x : t.path("tags")) {
                tags.add(x.asString());
            }
        }
        return new TemplateLibrary.Draft(t.path("name").asString(null), t.path("subject").asString(null),
                t.path("body").asString(null), t.path("channel").asString(null), tags);
    }
}
