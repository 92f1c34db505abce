package dev.closer.assistant;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ChatMessageDeserializer;
import dev.langchain4j.data.message.ChatMessageSerializer;
import dev.langchain4j.data.message.UserMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * A conversation's messages as stored: LangChain4j's own JSON, trimmed to whole turns (a turn
 * starts with a user message) so a tool result is never kept without the request it answers.
 */
final class History {

    static final int MAX_MESSAGES = 60;

    private History() {
    }

    static List<ChatMessage> read(String json) {
        return json == null || json.isBlank() ? new ArrayList<>() : new ArrayList<>(ChatMessageDeserializer.messagesFromJson(json));
    }

    static String write(List<ChatMessage> messages) {
        return ChatMessageSerializer.messagesToJson(trim(messages));
    }

    static List<ChatMessage> trim(List<ChatMessage> messages) {
        int start = 0;
        while (messages.size() - start > MAX_MESSAGES) {
            int next = start + 1;
            while (next < messages.size() && !(messages.get(next) instanceof UserMessage)) {
                next++;
            }
            if (next >= messages.size()) {
                break;  // one turn longer than the window: keep it whole
            }
            start = next;
        }
        return messages.subList(start, messages.size());
    }
}
