package dev.closer.assistant;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * One streaming model request, bounded by the turn's deadline. The HTTP client's timeout only
 * covers the wait for the first bytes; a model that keeps trickling would run on, so the deadline
 * is enforced here, and the stream is cancelled when it passes.
 */
final class ModelCall {

    /** The model failed or did not finish in time; the message is safe to show. */
    static final class Failed extends Exception {
        final boolean timedOut;

        Failed(String message, boolean timedOut) {
            super(message);
            this.timedOut = timedOut;
        }
    }

    private ModelCall() {
    }

    static ChatResponse stream(StreamingChatModel model, ChatRequest request, Consumer<String> onText, long deadlineNanos)
            throws Failed {
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        AtomicReference<StreamingHandle> handle = new AtomicReference<>();
        model.chat(request, new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
                handle.compareAndSet(null, context.streamingHandle());
                if (!done.isDone() && partial.text() != null && !partial.text().isEmpty()) {
                    onText.accept(partial.text());
                }
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                done.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });
        try {
            return done.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            StreamingHandle h = handle.get();
            if (h != null) {
                h.cancel();
            }
            done.cancel(true);
            throw new Failed("the model did not finish within the turn's time limit", true);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new Failed("the model request failed: " + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : " - " + abbreviate(cause.getMessage())), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failed("interrupted while waiting for the model", false);
        }
    }

    private static String abbreviate(String s) {
        String oneLine = s.replaceAll("\\s+", " ").strip();
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "..." : oneLine;
    }
}
