package dev.closer.crm.pipedrive;

import dev.closer.crm.CrmException;
import dev.closer.crm.http.VendorHttp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * How Pipedrive says "no" and "wait" (docs: core-api-concepts-rate-limiting, -responses,
 * -http-status-codes). Burst limits come with {@code x-ratelimit-limit}, {@code x-ratelimit-remaining}
 * and {@code x-ratelimit-reset} (seconds left in the 2-second window); {@code x-daily-requests-left}
 * counts the day's remaining POST/PUT allowance, reset at midnight UTC. The token-based daily budget
 * (reset at midnight in the server's time zone) has no documented header, so a 429 with burst budget
 * left gets plain exponential backoff rather than a guessed wait. Retry-After, when Pipedrive sends
 * it, is honoured by {@link VendorHttp} before any of this is consulted.
 */
public final class PipedriveRules implements VendorHttp.Rules {

    private final Clock clock;

    public PipedriveRules(Clock clock) {
        this.clock = clock;
    }

    @Override
    public CrmException.Kind classify(VendorHttp.Response r) {
        String body = r.body() == null ? "" : r.body();
        if (r.status() == 402) {
            // "Company account is not open" (trial over, payment missing): no retry will help, like a bad token.
            return CrmException.Kind.AUTH;
        }
        if (r.status() == 403 && body.toLowerCase(Locale.ROOT).contains("cloudflare")) {
            // Integrations that keep calling through 429s get an HTML 403 from Cloudflare: too many calls, not bad credentials.
            return CrmException.Kind.RATE_LIMITED;
        }
        if (r.status() == 403 && body.contains("\"feature_capping")) {
            // An account limit (e.g. "Open deals limit reached") refuses this request; the token itself is fine.
            return CrmException.Kind.INVALID_REQUEST;
        }
        return null;
    }

    @Override
    public Duration waitHint(VendorHttp.Response r) {
        Long daily = whole(r.header("x-daily-requests-left"));
        if (daily != null && daily <= 0) {
            long untilMidnight = Duration.between(clock.instant(),
                    LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()).toMillis();
            return Duration.ofMillis(Math.max(0, untilMidnight)); // VendorHttp caps it at its longest backoff
        }
        Long remaining = whole(r.header("x-ratelimit-remaining"));
        String reset = r.header("x-ratelimit-reset");
        if (reset != null && (remaining == null || remaining <= 0)) {
            try {
                double seconds = Double.parseDouble(reset.strip());
                return seconds < 0 ? null : Duration.ofMillis((long) Math.ceil(seconds * 1000));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static Long whole(String header) {
        if (header == null) {
            return null;
        }
        try {
            return (long) Double.parseDouble(header.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
