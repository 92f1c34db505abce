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

    /** What a key can mean, decided once per distinct key (inputs repeat the same few keys many times). */
    private enum KeyKind { STATUS, SEND, OTHER }

    private final Map<String, KeyKind> kinds = new java.util.concurrent.ConcurrentHashMap<>();

    public void check(JsonNode inputs) {
        java.util.ArrayDeque<String> path = new java.util.ArrayDeque<>();
        if (find(inputs, path)) {
            String offending = "/" + String.join("/", path);
            throw new ToolException(ToolError.NO_AUTO_SEND, "Closer never sends messages: " + offending
                    + " asks for sending. Drafts stay in status 'draft' until a person approves them for manual sending.",
                    Map.of("field", offending));
        }
    }

    /** True when a field under {@code node} asks to send; {@code path} then holds its pointer's segments. */
    private boolean find(JsonNode node, java.util.ArrayDeque<String> path) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (asksToSend(kind(e.getKey()), e.getValue())) {
                    path.addFirst(e.getKey());
                    return true;
                }
                if (e.getValue().isContainer() && find(e.getValue(), path)) {
                    path.addFirst(e.getKey());
                    return true;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                if (node.get(i).isContainer() && find(node.get(i), path)) {
                    path.addFirst(String.valueOf(i));
                    return true;
                }
            }
        }
        return false;
    }

    private KeyKind kind(String key) {
        KeyKind k = kinds.get(key);
        if (k == null) {
            List<String> words = Redactor.words(key);
            k = STATUS_KEYS.contains(String.join("_", words)) ? KeyKind.STATUS
                    : words.stream().anyMatch(SEND_WORDS::contains) ? KeyKind.SEND : KeyKind.OTHER;
            if (kinds.size() < 10_000) {
                kinds.put(key, k);
            }
        }
        return k;
    }

    private static boolean asksToSend(KeyKind kind, JsonNode value) {
        if (kind == KeyKind.STATUS) {
            return value.isString() && SENT_STATUSES.contains(value.asString().strip().toLowerCase(Locale.ROOT));
        }
        if (kind != KeyKind.SEND) {
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
