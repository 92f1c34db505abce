package dev.closer.crm.http;

import dev.closer.crm.CrmException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP to a CRM vendor with the resilience every adapter needs, in one place: connect and read
 * timeouts; retries with exponential backoff and full jitter on 429, 5xx, timeouts and connection
 * failures, honouring Retry-After (seconds or an HTTP date); a circuit breaker that opens after
 * {@code failureThreshold} consecutive failures and lets one trial call through after
 * {@code cooldown}. Statuses map to {@link CrmException.Kind} once, here (vendor-specific bodies are
 * read by the adapter's {@code classify} hook). Messages never carry request headers or bodies.
 */
public final class VendorHttp {

    private static final Logger LOG = LoggerFactory.getLogger(VendorHttp.class);

    /** Sleeps between attempts; tests pass one that records instead of waiting. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    public record Settings(Duration connectTimeout, Duration readTimeout, int maxAttempts, Duration baseBackoff,
                           Duration maxBackoff, int failureThreshold, Duration cooldown) {
        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(5), Duration.ofSeconds(20), 4, Duration.ofMillis(250),
                    Duration.ofSeconds(10), 5, Duration.ofSeconds(30));
        }
    }

    /** A vendor response: status and body. */
    public record Response(int status, String body, Map<String, java.util.List<String>> headers) {

        /** The first value of a header, case-insensitively, or null. */
        public String header(String name) {
            for (Map.Entry<String, java.util.List<String>> e : headers.entrySet()) {
                if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    /** What differs between vendors: how their error bodies classify and how they say "wait". */
    public interface Rules {
        Rules DEFAULT = new Rules() { };

        /** The kind of a non-2xx response, or null for the status-based default. */
        default CrmException.Kind classify(Response r) {
            return null;
        }

        /**
         * How long to wait before retrying a refused call, read from the vendor's own rate-limit
         * headers; consulted when there is no Retry-After. Null: exponential backoff.
         */
        default Duration waitHint(Response r) {
            return null;
        }

        /**
         * The vendor's own words for a refused call (its error code and message), appended to the
         * exception message; null for none. Must never echo a credential.
         */
        default String describe(Response r) {
            return null;
        }
    }

    /** A call the vendor answered with a non-2xx status; the status lets an adapter react (a 401: sign in again). */
    public static final class Refused extends CrmException {

        private final int status;

        public Refused(CrmException.Kind kind, String message, int status) {
            super(kind, message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final String vendor;
    private final HttpClient client;
    private final Settings settings;
    private final Sleeper sleeper;
    private final Clock clock;
    private final Random jitter = new Random();
    private final Rules rules;
    private int consecutiveFailures;
    private long openUntilMillis;

    public VendorHttp(String vendor, Settings settings, Sleeper sleeper, Clock clock, Rules rules) {
        this.vendor = vendor;
        this.settings = settings;
        this.sleeper = sleeper;
        this.clock = clock;
        this.rules = rules;
        this.client = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build();
    }

    /** Sends with retries; returns a 2xx response or throws a classified {@link CrmException}. */
    public Response send(String method, URI uri, Map<String, String> headers, String body) {
        return send(method, uri, headers, body, settings.maxAttempts(), true);
    }

    /**
     * For writes: retried only on a 429 (the vendor refused it unprocessed); a timeout or reset may
     * have been applied, so it is reported, not repeated.
     */
    public Response sendOnce(String method, URI uri, Map<String, String> headers, String body) {
        return send(method, uri, headers, body, settings.maxAttempts(), false);
    }

    private Response send(String method, URI uri, Map<String, String> headers, String body, int maxAttempts,
                          boolean retryUncertain) {
        checkCircuit();
        CrmException last = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            Duration wait = null;
            try {
                HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(settings.readTimeout())
                        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
                headers.forEach(b::header);
                // JSON unless the caller says otherwise (an OAuth token endpoint takes a form)
                if (body != null && headers.keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
                    b.header("Content-Type", "application/json");
                }
                HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
                Response res = new Response(r.statusCode(), r.body(), r.headers().map());
                if (r.statusCode() / 100 == 2) {
                    succeeded();
                    return res;
                }
                CrmException.Kind kind = rules.classify(res);
                if (kind == null) {
                    kind = kindOf(r.statusCode());
                }
                String detail = rules.describe(res);
                last = new Refused(kind, vendor + " answered " + r.statusCode() + " to " + method + " " + uri.getPath()
                        + (detail == null ? "" : ": " + detail), r.statusCode());
                if (!last.retriable() || (!retryUncertain && kind != CrmException.Kind.RATE_LIMITED)) {
                    if (kind != CrmException.Kind.NOT_FOUND && kind != CrmException.Kind.INVALID_REQUEST) {
                        failed();
                    }
                    throw last;
                }
                wait = retryAfter(r.headers().firstValue("Retry-After").orElse(null));
                if (wait == null) {
                    Duration hint = rules.waitHint(res);
                    wait = hint == null ? null : cap(hint);
                }
            } catch (HttpTimeoutException e) {
                last = new CrmException(CrmException.Kind.UNAVAILABLE, vendor + " did not answer within "
                        + settings.readTimeout().toMillis() + " ms");
                if (!retryUncertain) {
                    failed();
                    throw last;
                }
            } catch (IOException e) {
                last = new CrmException(CrmException.Kind.UNAVAILABLE, vendor + " connection failed (" + e.getClass().getSimpleName() + ")");
                if (!retryUncertain) {
                    failed();
                    throw last;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CrmException(CrmException.Kind.UNAVAILABLE, "interrupted while calling " + vendor);
            }
            if (attempt < maxAttempts) {
                Duration pause = wait != null ? wait : backoff(attempt);
                LOG.info("{} (attempt {} of {}); retrying in {} ms", last.getMessage(), attempt, maxAttempts, pause.toMillis());
                pause(pause);
            }
        }
        failed();
        throw last;
    }

    /**
     * The body of a 2xx answer as JSON. A vendor that answers with something else (a proxy's HTML
     * page, a truncated body) is unavailable, not a crash.
     */
    public tools.jackson.databind.JsonNode json(Response r) {
        try {
            return dev.closer.tool.Json.parse(r.body() == null || r.body().isBlank() ? "{}" : r.body());
        } catch (tools.jackson.core.JacksonException e) {
            failed();
            throw new CrmException(CrmException.Kind.UNAVAILABLE, vendor + " answered with malformed JSON ("
                    + r.body().length() + " bytes)");
        }
    }

    static CrmException.Kind kindOf(int status) {
        if (status == 401 || status == 403) {
            return CrmException.Kind.AUTH;
        }
        if (status == 404) {
            return CrmException.Kind.NOT_FOUND;
        }
        if (status == 429) {
            return CrmException.Kind.RATE_LIMITED;
        }
        return status >= 500 ? CrmException.Kind.UNAVAILABLE : CrmException.Kind.INVALID_REQUEST;
    }

    /** Full jitter: a random wait up to base × 2^(attempt−1), capped. */
    private Duration backoff(int attempt) {
        long cap = Math.min(settings.maxBackoff().toMillis(), settings.baseBackoff().toMillis() << Math.min(20, attempt - 1));
        return Duration.ofMillis(cap <= 0 ? 0 : 1 + (long) (jitter.nextDouble() * cap));
    }

    Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return cap(Duration.ofSeconds(Long.parseLong(header.strip())));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(clock.instant(), at.toInstant());
                return cap(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }

    private Duration cap(Duration d) {
        return d.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : d;
    }

    private void pause(Duration d) {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CrmException(CrmException.Kind.UNAVAILABLE, "interrupted while waiting to retry " + vendor);
        }
    }

    private synchronized void checkCircuit() {
        if (openUntilMillis > clock.millis()) {
            throw new CrmException(CrmException.Kind.UNAVAILABLE, vendor + " is failing; calls are paused for "
                    + Math.max(1, (openUntilMillis - clock.millis()) / 1000) + " s (circuit open)");
        }
    }

    private synchronized void succeeded() {
        consecutiveFailures = 0;
        openUntilMillis = 0;
    }

    private synchronized void failed() {
        if (++consecutiveFailures >= settings.failureThreshold()) {
            openUntilMillis = clock.millis() + settings.cooldown().toMillis();
            LOG.warn("{}: {} consecutive failures, pausing calls for {} s", vendor, consecutiveFailures, settings.cooldown().toSeconds());
        }
    }
}
