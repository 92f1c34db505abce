package dev.closer.crm;

/**
 * A CRM call failed. Vendor HTTP statuses and error bodies are mapped to a {@link Kind} once, in
 * each adapter; messages never contain credentials or response bodies with secrets.
 */
public class CrmException extends RuntimeException {

    public enum Kind { AUTH, NOT_FOUND, RATE_LIMITED, UNAVAILABLE, INVALID_REQUEST }

    private final Kind kind;

    public CrmException(Kind kind, String message) {
        this(kind, message, null);
    }

    public CrmException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** Worth retrying with backoff: rate limits and unavailability, not auth or bad requests. */
    public boolean retriable() {
        return kind == Kind.RATE_LIMITED || kind == Kind.UNAVAILABLE;
    }
}
