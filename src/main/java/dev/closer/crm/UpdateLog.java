package dev.closer.crm;

import java.util.Optional;

/**
 * Where {@link IdempotentCrm} remembers updates by idempotency key, per profile (the embedded
 * store implements it, so a retried key applies once across restarts too).
 */
public interface UpdateLog {

    /** A remembered update: the request it was for, and its outcome once applied (else null). */
    record Entry(String crm, String opportunityId, String request, UpdateResult result) {
        public boolean applied() {
            return result != null;
        }
    }

    Optional<Entry> find(String profile, String key);

    /** Notes that a write for {@code key} is about to be sent; its outcome is unknown until {@link #applied}. */
    void pending(String profile, String key, String crm, String opportunityId, String request);

    void applied(String profile, String key, UpdateResult result);

    /** Forgets a key whose write certainly did not happen (refused, not found), so it can be used again. */
    void forget(String profile, String key);
}
