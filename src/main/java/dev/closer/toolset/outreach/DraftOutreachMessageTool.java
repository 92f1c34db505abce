package dev.closer.toolset.outreach;

import dev.closer.sales.outreach.Draft;
import dev.closer.sales.outreach.DraftWriter;
import dev.closer.sales.outreach.Template;
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

/** {@code draft_outreach_message}: fills a named or inline template and stores the draft for review. */
final class DraftOutreachMessageTool implements ToolHandler {

    private final TemplateLibrary library;
    private final DraftWriter writer;

    DraftOutreachMessageTool(TemplateLibrary library, DraftWriter writer) {
        this.library = library;
        this.writer = writer;
    }

    @Override
    @SuppressWarnings("unchecked")
    public JsonNode handle(JsonNode inputs, CallContext context) {
        Template template = template(inputs.path("template"), context.profile());
        String channel = inputs.path("channel").asString(template.channel());
        Draft d = writer.write(context.profile(), new DraftWriter.Request(
                Json.MAPPER.convertValue(inputs.path("recipient_context"), Map.class),
                inputs.has("sender_context") ? Json.MAPPER.convertValue(inputs.path("sender_context"), Map.class) : Map.of(),
                channel, template,
                inputs.has("personalization") ? Json.MAPPER.convertValue(inputs.path("personalization"), Map.class) : Map.of()));
        ObjectNode message = Json.object();
        message.put("draft_id", d.draftId());
        message.put("subject", d.subject());
        message.put("body", d.body());
        message.put("channel", d.channel());
        message.put("status", d.status());
        message.set("variables_used", Json.toTree(d.variablesUsed()));
        message.set("missing_variables", Json.toTree(d.missingVariables()));
        message.put("personalization_score", d.personalizationScore());
        message.put("word_count", d.wordCount());
        message.put("template_name", d.templateName());
        message.put("template_version", template.version());
        ObjectNode out = Json.object();
        out.set("message", message);
        List<String> warnings = new ArrayList<>();
        if (!d.missingVariables().isEmpty()) {
            warnings.add("no value for " + String.join(", ", d.missingVariables())
                    + ": left visible as {{...}} in the draft; pass them in personalization");
        }
        if (!channel.equals(template.channel())) {
            warnings.add("template '" + template.name() + "' was written for " + template.channel() + ", drafted as " + channel);
        }
        out.set("warnings", Json.toTree(warnings));
        return out;
    }

    private Template template(JsonNode t, String profile) {
        if (t.isString()) {
            try {
                return library.findForDraft(profile, t.asString()).orElseGet(() -> library.read(profile, t.asString(), null));
            } catch (TemplateLibrary.Refused e) {
                throw new ToolException(ToolError.NOT_FOUND, e.getMessage(), Map.of("field", "/template"));
            }
        }
        String subject = t.path("subject").asString(null);
        String body = t.path("body").asString(null);
        try {
            List<String> vars = new ArrayList<>(TemplateSyntax.variables("/template/subject", subject));
            TemplateSyntax.variables("/template/body", body).stream().filter(v -> !vars.contains(v)).forEach(vars::add);
            return new Template(null, t.path("name").asString("inline"), 0, subject, body,
                    t.path("channel").asString("email"), List.of(), vars);
        } catch (TemplateSyntax.Invalid e) {
            throw ToolException.invalid(e.field(), e.getMessage());
        }
    }
}
