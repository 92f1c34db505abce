package dev.closer.tool;

import java.util.Objects;

/**
 * Who is calling and under which trace. Built by a door (MCP, REST, CLI, LangChain4j bridge)
 * from its own wire format; {@code grantedProfiles} is what the caller's credential allows.
 */
public record CallContext(String traceId, String profile, Progress progress) {

    public CallContext {
        Objects.requireNonNull(profile, "profile");
        progress = progress == null ? Progress.NONE : progress;
    }

    public static CallContext of(String traceId, String profile) {
        return new CallContext(traceId, profile, Progress.NONE);
    }

    public CallContext withTraceId(String id) {
        return new CallContext(id, profile, progress);
    }

    /** Receives progress of long calls; MCP turns it into progress notifications. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (done, total, message) -> { };

        void report(long done, long total, String message);
    }
}
