package dev.closer.assistant;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A blocking chat model offered as a streaming one, whose "stream" is the whole answer at once:
 * the request runs on a worker thread, so the assistant's turn deadline still applies. Used for
 * Ollama, because LangChain4j 1.18's streaming Ollama client merges several tool calls of one
 * message into one corrupted call (langchain4j#6229) while its blocking client maps them right.
 */
final class WholeAnswers implements StreamingChatModel {

    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "closer-model-call");
        t.setDaemon(true);
        return t;
    });

    private final ChatModel model;

    WholeAnswers(ChatModel model) {
        this.model = model;
    }

    @Override
    public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
        WORKERS.execute(() -> {
            ChatResponse response;
            try {
                response = model.chat(request);
            } catch (RuntimeException e) {
                handler.onError(e);
                return;
            }
            String text = response.aiMessage().text();
            if (text != null && !text.isEmpty()) {
                handler.onPartialResponse(text);
            }
            handler.onCompleteResponse(response);
        });
    }
}
