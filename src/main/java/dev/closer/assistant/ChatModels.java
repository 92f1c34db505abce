package dev.closer.assistant;

import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.time.Duration;

/** The streaming chat model {@link ModelSettings} describe, through LangChain4j. Request logging stays off: prompts may hold customer data. */
public final class ChatModels {

    private ChatModels() {
    }

    public static StreamingChatModel streaming(ModelSettings s) {
        String problem = s.missing();
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
        Duration timeout = s.turnLimit();
        return switch (s.provider()) {
            case "anthropic" -> AnthropicStreamingChatModel.builder().baseUrl(s.baseUrl()).apiKey(s.apiKey()).modelName(s.model())
                    .maxTokens(s.maxTokens()).timeout(timeout).logRequests(false).logResponses(false).build();
            case "ollama" -> OllamaStreamingChatModel.builder().baseUrl(s.baseUrl()).modelName(s.model()).numPredict(s.maxTokens())
                    .timeout(timeout).logRequests(false).logResponses(false).build();
            default -> OpenAiStreamingChatModel.builder().baseUrl(s.baseUrl()).apiKey(s.apiKey() == null ? "none" : s.apiKey())
                    .modelName(s.model()).maxTokens(s.maxTokens()).timeout(timeout).logRequests(false).logResponses(false).build();
        };
    }
}
