package dev.closer.sales.outreach;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Fills a template for one recipient and stores the result as a draft (status "draft"; nothing is
 * ever sent). Variables fill from {@code personalization} first, then the recipient (name,
 * first_name, last_name, title, company, industry and any other recipient field), then the sender
 * (sender_name, sender_first_name, sender_title, sender_company, and sender_&lt;field&gt;). A
 * variable with no value stays visible as {{name}} and is listed in missing_variables, so neither a
 * person nor the quality check can miss it.
 */
public final class DraftWriter {

    private final Drafts drafts;
    private final Clock clock;

    public DraftWriter(Drafts drafts, Clock clock) {
        this.drafts = drafts;
        this.clock = clock;
    }

    public record Request(Map<String, Object> recipient, Map<String, Object> sender, String channel, Template template,
                          Map<String, Object> personalization) {
    }

    public Draft write(String profile, Request r) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> recipientSide = new LinkedHashMap<>();
        r.personalization().forEach((k, v) -> put(recipientSide, k, v));
        Map<String, Object> rc = r.recipient();
        rc.forEach((k, v) -> putIfAbsent(recipientSide, k, v));
        String name = str(rc.get("name"));
        if (name != null) {
            putIfAbsent(recipientSide, "first_name", QualityGrader.firstName(name));
            int sp = name.strip().lastIndexOf(' ');
            if (sp > 0) {
                putIfAbsent(recipientSide, "last_name", name.strip().substring(sp + 1));
            }
        }
        values.putAll(recipientSide);
        Map<String, Object> sc = r.sender();
        sc.forEach((k, v) -> putIfAbsent(values, k.startsWith("sender_") ? k : "sender_" + k, v));
        String senderName = str(sc.get("name"));
        if (senderName != null) {
            putIfAbsent(values, "sender_first_name", QualityGrader.firstName(senderName));
        }
        Template t = r.template();
        List<String> used = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        int recipientFilled = 0;
        int recipientVars = 0;
        for (String v : t.variables()) {
            boolean sender = v.startsWith("sender_");
            if (!sender) {
                recipientVars++;
            }
            if (values.containsKey(v)) {
                used.add(v);
                if (!sender) {
                    recipientFilled++;
                }
            } else {
                missing.add(v);
            }
        }
        String channel = r.channel() == null ? t.channel() : r.channel();
        String subject = channel.equals("email") ? TemplateSyntax.fill(t.subject(), values) : null;
        String body = TemplateSyntax.fill(t.body(), values);
        String company = str(rc.get("company"));
        double personalization = personalization(body, name, company, recipientVars, recipientFilled);
        Draft d = new Draft("drf_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20), Draft.DRAFT, channel,
                subject, body, name, company, t.name(), used, missing, personalization, QualityGrader.count(body).words,
                null, null, List.of(), clock.instant().toString(), null, null, null);
        drafts.save(profile, d);
        return d;
    }

    /**
     * 0.4 when the recipient's name (or first name) appears, 0.3 when their company does, plus 0.3 ×
     * the share of the template's recipient variables (all but sender_*) that were filled.
     */
    static double personalization(String body, String name, String company, int vars, int filled) {
        String lower = body.toLowerCase(java.util.Locale.ROOT);
        double s = 0;
        if (name != null && (lower.contains(name.toLowerCase(java.util.Locale.ROOT))
                || lower.contains(QualityGrader.firstName(name).toLowerCase(java.util.Locale.ROOT)))) {
            s += 0.4;
        }
        if (company != null && lower.contains(company.toLowerCase(java.util.Locale.ROOT))) {
            s += 0.3;
        }
        if (vars > 0) {
            s += 0.3 * filled / vars;
        }
        return Math.round(s * 100) / 100.0;
    }

    private static void put(Map<String, String> m, String k, Object v) {
        String s = str(v);
        if (s != null) {
            m.put(k, s);
        }
    }

    private static void putIfAbsent(Map<String, String> m, String k, Object v) {
        String s = str(v);
        if (s != null) {
            m.putIfAbsent(k, s);
        }
    }

    private static String str(Object v) {
        if (v == null || v instanceof Map || v instanceof List) {
            return null;
        }
        String s = String.valueOf(v).strip();
        return s.isEmpty() ? null : s;
    }
}
