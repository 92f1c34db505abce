package dev.closer.toolset.outreach;

import dev.closer.sales.outreach.DraftWriter;
import dev.closer.sales.outreach.Drafts;
import dev.closer.sales.outreach.QualityGrader;
import dev.closer.sales.outreach.Template;
import dev.closer.sales.outreach.TemplateLibrary;
import dev.closer.sales.outreach.Templates;
import dev.closer.tool.Json;
import dev.closer.tool.ToolHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** manage_template_library, draft_outreach_message, assess_message_quality and list_drafts. */
public final class OutreachToolset {

    private final Templates templates;
    private final Drafts drafts;
    private final Clock clock;

    public OutreachToolset(Templates templates, Drafts drafts, Clock clock) {
        this.templates = templates;
        this.drafts = drafts;
        this.clock = clock;
    }

    public Map<String, ToolHandler> handlers() {
        TemplateLibrary library = new TemplateLibrary(templates, starterLibrary());
        QualityGrader grader = new QualityGrader();
        return Map.of(
                "manage_template_library", new ManageTemplateLibraryTool(library),
                "draft_outreach_message", new DraftOutreachMessageTool(library, new DraftWriter(drafts, clock)),
                "assess_message_quality", new AssessMessageQualityTool(grader, drafts),
                "list_drafts", new ListDraftsTool(drafts));
    }

    /** The starter templates shipped in {@code templates/starter.json}, loaded into each new profile. */
    static List<Template> starterLibrary() {
        try (InputStream in = OutreachToolset.class.getResourceAsStream("/templates/starter.json")) {
            List<Template> out = new ArrayList<>();
            for (JsonNode t : Json.MAPPER.readTree(in)) {
                List<String> tags = new ArrayList<>();
                t.path("tags").forEach(x -> tags.add(x.asString()));
                out.add(TemplateLibrary.starter(t.path("name").asString(), t.path("subject").asString(null),
                        t.path("body").asString(), t.path("channel").asString(), tags));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the starter template library", e);
        }
    }
}
