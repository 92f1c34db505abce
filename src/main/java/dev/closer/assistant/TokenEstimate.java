package dev.closer.assistant;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import java.util.List;

/**
 * A generous token count for a request before it is sent (about four characters a token, rounded
 * up), used to reserve budget; what is charged afterwards is what the model reports.
 */
final class TokenEstimate {

    private TokenEstimate() {
    }

    /** A request's estimate: its messages, and its tools' share ({@link #chars(ToolSpecification)} summed). */
    static long of(List<ChatMessage> messages, long specChars) {
        long chars = specChars;
        for (ChatMessage m : messages) {
            chars += 16 + length(m);
        }
        return (chars + 3) / 4;
    }

    /** What one tool's specification adds to a request, in characters. */
    static long chars(ToolSpecification s) {
        return s.name().length() + (s.description() == null ? 0 : s.description().length())
                + (s.parameters() == null ? 0 : s.parameters().toString().length());
    }

    private static long length(ChatMessage m) {
        if (m instanceof SystemMessage s) {
            return s.text().length();
        }
        if (m instanceof UserMessage u) {
            return u.hasSingleText() ? u.singleText().length() : u.toString().length();
        }
        if (m instanceof AiMessage a) {
            return (a.text() == null ? 0 : a.text().length())
                    + a.toolExecutionRequests().stream().mapToLong(r -> r.name().length() + r.arguments().length()).sum();
        }
        if (m instanceof ToolExecutionResultMessage t) {
            return t.text() == null ? 0 : t.text().length();
        }
        return m.toString().length();
    }

    static long ofText(String text) {
        return text == null ? 0 : (text.length() + 3) / 4;
    }
}
