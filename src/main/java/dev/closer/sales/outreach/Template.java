package dev.closer.sales.outreach;

import java.util.List;

/** One version of a message template; {@code variables} are its {{placeholders}} in order of appearance. */
public record Template(String templateId, String name, int version, String subject, String body, String channel,
                       List<String> tags, List<String> variables) {
}
