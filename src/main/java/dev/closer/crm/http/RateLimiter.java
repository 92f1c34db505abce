package dev.closer.crm.http;

import dev.closer.crm.CrmException;
import java.time.Duration;

/**
 * Spaces calls to at most {@code perSecond} (a vendor's documented limit, such as HubSpot's search
 * API), across threads: each caller reserves the next free slot under a lock and waits outside it.
 * Zero or less means unlimited (a simulator or a proxy that limits on its own).
 */
public final class RateLimiter {

    private final long spacingNanos;
    private final VendorHttp.Sleeper sleeper;
    private long nextFreeNanos;

    public RateLimiter(double perSecond, VendorHttp.Sleeper sleeper) {
        this.spacingNanos = perSecond <= 0 ? 0 : (long) (1_000_000_000L / perSecond);
        this.sleeper = sleeper;
    }

    public static RateLimiter unlimited() {
        return new RateLimiter(0, d -> { });
    }

    /** Blocks until this caller's slot. */
    public void acquire() {
        if (spacingNanos == 0) {
            return;
        }
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            long slot = Math.max(now, nextFreeNanos);
            nextFreeNanos = slot + spacingNanos;
            wait = slot - now;
        }
        if (wait > 0) {
            try {
                sleeper.sleep(Duration.ofNanos(wait));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CrmException(CrmException.Kind.UNAVAILABLE, "interrupted while waiting for a rate-limit slot");
            }
        }
    }
}
