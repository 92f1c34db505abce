package dev.closer.server.http;

import dev.closer.policy.CallObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Prometheus metrics for every call: {@code closer_calls_total{tool,door,outcome}},
 * {@code closer_refusals_total{code}} and the latency timer {@code closer_call_seconds{tool}}.
 * Meters are looked up once per label set and kept, so the hot path does no registry search.
 */
public final class CallMetrics implements CallObserver {

    private final MeterRegistry registry;
    private final Map<String, Counter> calls = new ConcurrentHashMap<>();
    private final Map<String, Counter> refusals = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public CallMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void called(String tool, String door, String outcome, long nanos) {
        calls.computeIfAbsent(tool + '|' + door + '|' + outcome, k -> Counter.builder("closer_calls")
                .description("Tool calls by tool, door and outcome (ok or error code)")
                .tags("tool", tool, "door", door, "outcome", outcome).register(registry)).increment();
        if (!"ok".equals(outcome)) {
            refusals.computeIfAbsent(outcome, k -> Counter.builder("closer_refusals")
                    .description("Calls that ended in an error, by code").tags("code", outcome).register(registry)).increment();
        }
        timers.computeIfAbsent(tool, k -> Timer.builder("closer_call").description("Call latency through the policy chain")
                .tags("tool", tool).publishPercentileHistogram(false).register(registry)).record(nanos, TimeUnit.NANOSECONDS);
    }
}
