package dev.closer.tool;

import java.util.List;
import java.util.Map;

/**
 * Thrown by a handler (or a policy) to end a call with a structured tool error. This is the
 * "tool error" channel: the caller gets a result with isError=true, never a protocol error.
 */
public class ToolException extends RuntimeException {

    private final ToolError error;

    public ToolException(ToolError error) {
        super(error.message(), null, false, false);
        this.error = error;
    }

    public ToolException(String code, String message, Map<String, Object> details) {
        this(new ToolError(code, message, details));
    }

    public ToolError error() {
        return error;
    }

    /** An INVALID_INPUT error naming one field (a JSON path such as {@code /accounts/3/revenue}). */
    public static ToolException invalid(String path, String problem) {
        return new ToolException(ToolError.INVALID_INPUT, path + ": " + problem,
                Map.of("violations", List.of(Map.of("path", path, "message", problem))));
    }

    public static ToolException notFound(String what, String id) {
        return new ToolException(ToolError.NOT_FOUND, what + " '" + id + "' was not found in this profile",
                Map.of("id", id));
    }
}
