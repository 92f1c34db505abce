package dev.closer.tool;

import java.util.Map;
import java.util.Objects;

/**
 * A structured refusal or failure: {@code {code, message, details}}. Codes are the ones callers
 * branch on (INVALID_INPUT, PROFILE_DENIED, BUDGET_EXCEEDED, NO_AUTO_SEND, CRM_UNAVAILABLE, ...).
 */
public record ToolError(String code, String message, Map<String, Object> details) {

    public static final String INVALID_INPUT = "INVALID_INPUT";
    public static final String PROFILE_DENIED = "PROFILE_DENIED";
    public static final String BUDGET_EXCEEDED = "BUDGET_EXCEEDED";
    public static final String NO_AUTO_SEND = "NO_AUTO_SEND";
    public static final String NOT_FOUND = "NOT_FOUND";
    public static final String CRM_UNAVAILABLE = "CRM_UNAVAILABLE";
    public static final String CRM_AUTH = "CRM_AUTH";
    public static final String INTERNAL = "INTERNAL";

    public ToolError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        details = details == null ? Map.of() : details;
    }

    public static ToolError of(String code, String message) {
        return new ToolError(code, message, Map.of());
    }
}
