package dev.closer.assistant;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Which chat model the assistant uses, from the environment:
 * <pre>
 * CLOSER_LLM_PROVIDER   openai (default: any OpenAI-compatible endpoint — OpenAI, vLLM, llama.cpp,
 *                       LM Studio), anthropic, or ollama
 * CLOSER_LLM_MODEL      the model's name (required)
 * CLOSER_LLM_BASE_URL   default https://api.openai.com/v1, https://api.anthropic.com/v1, http://127.0.0.1:11434
 * CLOSER_LLM_API_KEY    required for api.openai.com and Anthropic (OPENAI_API_KEY / ANTHROPIC_API_KEY are read too)
 * CLOSER_LLM_MAX_TOKENS longest answer per model request (default 1024)
 * CLOSER_CHAT_MAX_ROUNDS tool-calling round trips per turn (default 8)
 * CLOSER_CHAT_TURN_SECONDS time limit of one turn (default 120)
 * </pre>
 * Nothing else in Closer needs a model; {@link #missing()} says exactly what to set.
 */
public record ModelSettings(String provider, String model, String baseUrl, String apiKey, int maxTokens, int maxRounds,
                            Duration turnLimit) {

    public static ModelSettings fromEnvironment(Map<String, String> env) {
        String provider = value(env, "CLOSER_LLM_PROVIDER", "openai").toLowerCase(Locale.ROOT);
        String key = switch (provider) {
            case "anthropic" -> value(env, "CLOSER_LLM_API_KEY", value(env, "ANTHROPIC_API_KEY", null));
            case "openai" -> value(env, "CLOSER_LLM_API_KEY", value(env, "OPENAI_API_KEY", null));
            default -> value(env, "CLOSER_LLM_API_KEY", null);
        };
        String base = value(env, "CLOSER_LLM_BASE_URL", switch (provider) {
            case "anthropic" -> "https://api.anthropic.com/v1";
            case "ollama" -> "http://127.0.0.1:11434";
            default -> "https://api.openai.com/v1";
        });
        return new ModelSettings(provider, value(env, "CLOSER_LLM_MODEL", null), base, key,
                number(env, "CLOSER_LLM_MAX_TOKENS", 1024), number(env, "CLOSER_CHAT_MAX_ROUNDS", 8),
                Duration.ofSeconds(number(env, "CLOSER_CHAT_TURN_SECONDS", 120)));
    }

    /** What is missing, in words a user can act on; null when the model is configured. */
    public String missing() {
        if (!provider.equals("openai") && !provider.equals("anthropic") && !provider.equals("ollama")) {
            return "CLOSER_LLM_PROVIDER must be openai (any OpenAI-compatible endpoint), anthropic or ollama; it is '" + provider + "'";
        }
        StringBuilder need = new StringBuilder();
        if (model == null) {
            need.append("CLOSER_LLM_MODEL (the model's name, e.g. gpt-4o-mini, claude-sonnet-4-5 or llama3.1)");
        }
        boolean hosted = baseUrl.contains("api.openai.com") || provider.equals("anthropic");
        if (hosted && apiKey == null) {
            need.append(need.length() == 0 ? "" : " and ").append("CLOSER_LLM_API_KEY (or ")
                    .append(provider.equals("anthropic") ? "ANTHROPIC_API_KEY" : "OPENAI_API_KEY").append(")");
        }
        if (need.length() == 0) {
            return null;
        }
        return "No chat model is configured. Set " + need + "; for a local OpenAI-compatible server (vLLM, llama.cpp, LM Studio)"
                + " also set CLOSER_LLM_BASE_URL (e.g. http://127.0.0.1:8000/v1), or CLOSER_LLM_PROVIDER=anthropic or ollama."
                + " Nothing else in Closer needs a model.";
    }

    /** How the model is named in the audit log and in answers (no key). */
    public String label() {
        return provider + "/" + model;
    }

    private static String value(Map<String, String> env, String key, String fallback) {
        String v = env.get(key);
        return v == null || v.isBlank() ? fallback : v.strip();
    }

    private static int number(Map<String, String> env, String key, int fallback) {
        String v = value(env, key, null);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number of at least 1, got '" + v + "'");
        }
    }
}
