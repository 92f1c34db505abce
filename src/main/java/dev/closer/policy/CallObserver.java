package dev.closer.policy;

/** Sees every call's outcome (for metrics). {@code outcome} is "ok" or the error code. */
@FunctionalInterface
public interface CallObserver {
    CallObserver NONE = (tool, door, outcome, nanos) -> { };

    void called(String tool, String door, String outcome, long nanos);
}
