package dev.closer.policy;

import dev.closer.tool.ToolError;
import dev.closer.tool.ToolException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Nothing in Closer sends a message, and no input may ask it to. Any field anywhere in the inputs
 * that asks for sending ({@code send: true}, {@code auto_send}, {@code send_now},
 * {@code status: "sent"}, {@code deliver: true}, {@code schedule_send}) is refused with
 * NO_AUTO_SEND, naming the field, whatever tool it was sent to. Schemas reject unknown fields
 * too; this is the second lock, and it covers free-form objects the schemas allow.
 */
public final class NoAutoSend {

    private static final Set<String> SEND_WORDS = Set.of("send", "sent", "deliver", "dispatch", "transmit");
    private static final Set<String> SENT_STATUSES = Set.of("sent", "sending", "send", "delivered", "scheduled",
            "queued_for_send", "outbox");
    private static final Set<String> STATUS_KEYS = Set.of("status", "state", "message_status", "delivery_status");

    /** Tool names that could only mean sending; the registry refuses to register them. */
    public static boolean isSendingToolName(String tool) {
        return Redactor.words(tool).stream().anyMatch(SEND_WORDS::contains);
    }

    public void check(JsonNode inputs) {
        String offending = find(inputs, "");
        if (offending != null) {
            throw new ToolException(ToolError.NO_AUTO_SEND, "Closer never sends messages: " + offending
                    + " asks for sending. Drafts stay in status 'draft' until a person approves them for manual sending.",
                    Map.of("field", offending));
        }
    }

    private String find(JsonNode node, String path) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String p = path + "/" + e.getKey();
                if (asksToSend(e.getKey(), e.getValue())) {
                    return p;
                }
                String inner = find(e.getValue(), p);
                if (inner != null) {
                    return inner;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String inner = find(node.get(i), path + "/" + i);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    private static boolean asksToSend(String key, JsonNode value) {
        List<String> words = Redactor.words(key);
        if (STATUS_KEYS.contains(String.join("_", words)) && value.isString()) {
            return SENT_STATUSES.contains(value.asString().strip().toLowerCase(Locale.ROOT));
        }
        boolean sendKey = words.stream().anyMatch(SEND_WORDS::contains);
        if (!sendKey) {
            return false;
        }
        // send: true, auto_send: "yes", send_at: "2026-01-01T10:00Z" all ask for sending; send: false does not.
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isString()) {
            String v = value.asString().strip().toLowerCase(Locale.ROOT);
            return !(v.isEmpty() || v.equals("false") || v.equals("no") || v.equals("never"));
        }
        return value.isNumber() ? value.asDouble() != 0 : !value.isNull() && !value.isContainer();
    }
}
