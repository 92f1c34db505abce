package dev.closer.assistant;

import java.util.Optional;

/** The assistant's conversations, per profile (the embedded store implements it). */
public interface Conversations {

    /** A conversation: its id, the trace its calls are audited under, and its kept messages as JSON. */
    record Conversation(String id, String traceId, String messagesJson) {
    }

    Optional<Conversation> find(String profile, String id);

    void save(String profile, Conversation conversation);
}
