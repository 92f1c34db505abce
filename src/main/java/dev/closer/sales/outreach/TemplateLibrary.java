package dev.closer.sales.outreach;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The template library of {@code manage_template_library}: create, read, update, delete, list and
 * search, per profile, versioned, with the starter library loaded the first time a profile uses it.
 */
public final class TemplateLibrary {

    public static final List<String> CHANNELS = List.of("email", "linkedin", "call_script", "sms");

    private final Templates templates;
    private final List<Template> starter;

    public TemplateLibrary(Templates templates, List<Template> starter) {
        this.templates = templates;
        this.starter = List.copyOf(starter);
    }

    /** A caller mistake in a named field. */
    public static final class Refused extends RuntimeException {
        private final String field;
        private final boolean notFound;

        Refused(String field, String problem, boolean notFound) {
            super(problem);
            this.field = field;
            this.notFound = notFound;
        }

        public String field() {
            return field;
        }

        public boolean notFound() {
            return notFound;
        }
    }

    /** The fields a caller gives for create or update; nulls keep the current value on update. */
    public record Draft(String name, String subject, String body, String channel, List<String> tags) {
    }

    private void ready(String profile) {
        templates.seedOnce(profile, starter);
    }

    public Template create(String profile, Draft d) {
        ready(profile);
        if (d.name() == null || d.name().isBlank()) {
            throw new Refused("/template/name", "a template needs a name", false);
        }
        if (d.body() == null || d.body().isBlank()) {
            throw new Refused("/template/body", "a template needs a body", false);
        }
        if (templates.find(profile, d.name(), null).isPresent()) {
            throw new Refused("/template/name", "a template named '" + d.name() + "' exists already; use operation"
                    + " 'update' to change it", false);
        }
        return templates.save(profile, build("tpl_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16),
                d.name().strip(), 1, d.subject(), d.body(), d.channel() == null ? "email" : d.channel(), d.tags()));
    }

    public Template read(String profile, String idOrName, Integer version) {
        ready(profile);
        return templates.find(profile, idOrName, version).orElseThrow(() -> notFound(profile, idOrName, version));
    }

    public Template update(String profile, String idOrName, Draft d) {
        Template current = read(profile, idOrName, null);
        if (d.name() != null && !d.name().strip().equals(current.name())
                && templates.find(profile, d.name(), null).isPresent()) {
            throw new Refused("/template/name", "a template named '" + d.name() + "' exists already", false);
        }
        return templates.save(profile, build(current.templateId(), d.name() == null ? current.name() : d.name().strip(),
                current.version() + 1, d.subject() == null ? current.subject() : d.subject(),
                d.body() == null ? current.body() : d.body(), d.channel() == null ? current.channel() : d.channel(),
                d.tags() == null ? current.tags() : d.tags()));
    }

    public Template delete(String profile, String idOrName) {
        Template current = read(profile, idOrName, null);
        templates.delete(profile, current.templateId());
        return current;
    }

    public List<Template> list(String profile) {
        ready(profile);
        return templates.latest(profile);
    }

    /** Case-insensitive: every word of the query must appear in the name, subject, body or tags. */
    public List<Template> search(String profile, String query) {
        String[] words = query.toLowerCase(Locale.ROOT).strip().split("\\s+");
        List<Template> out = new ArrayList<>();
        for (Template t : list(profile)) {
            String hay = (t.name() + " " + t.subject() + " " + t.body() + " " + String.join(" ", t.tags())).toLowerCase(Locale.ROOT);
            boolean all = true;
            for (String w : words) {
                all &= hay.contains(w);
            }
            if (all) {
                out.add(t);
            }
        }
        return out;
    }

    private static Template build(String id, String name, int version, String subject, String body, String channel,
                                  List<String> tags) {
        List<String> vars = new ArrayList<>(TemplateSyntax.variables("/template/subject", subject));
        for (String v : TemplateSyntax.variables("/template/body", body)) {
            if (!vars.contains(v)) {
                vars.add(v);
            }
        }
        return new Template(id, name, version, subject, body, channel, tags == null ? List.of() : List.copyOf(tags), vars);
    }

    private Refused notFound(String profile, String idOrName, Integer version) {
        List<String> names = templates.latest(profile).stream().map(Template::name).toList();
        String close = names.stream().filter(n -> similar(n, idOrName)).findFirst().map(n -> "; did you mean '" + n + "'?")
                .orElse("; known templates: " + String.join(", ", names));
        return new Refused("/template", "no template '" + idOrName + "'" + (version == null ? "" : " version " + version)
                + " in this profile" + close, true);
    }

    private static boolean similar(String a, String b) {
        String x = a.toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        String y = b.toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return x.contains(y) || y.contains(x);
    }

    public static Template starter(String name, String subject, String body, String channel, List<String> tags) {
        return build("tpl_starter_" + name, name, 1, subject, body, channel, tags);
    }

    public Optional<Template> findForDraft(String profile, String name) {
        ready(profile);
        return templates.find(profile, name, null);
    }
}
