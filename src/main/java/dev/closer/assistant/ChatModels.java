package dev.closer.assistant;

import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.time.Duration;

/**
 * The chat model {@link ModelSettings} describe, through LangChain4j, as a streaming model.
 * Request logging stays off: prompts may hold customer data.
 */
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
            // Whole answers: see WholeAnswers for why Ollama's answers are not streamed.
            case "ollama" -> new WholeAnswers(OllamaChatModel.builder().baseUrl(s.baseUrl()).modelName(s.model()).numPredict(s.maxTokens())
                    .timeout(timeout).maxRetries(0).logRequests(false).logResponses(false).build());
            default -> OpenAiStreamingChatModel.builder().baseUrl(s.baseUrl()).apiKey(s.apiKey() == null ? "none" : s.apiKey())
                    .modelName(s.model()).maxTokens(s.maxTokens()).timeout(timeout).logRequests(false).logResponses(false).build();
        };
    }
}
