package dev.closer.policy;

import dev.closer.tool.CallContext;
import dev.closer.tool.Caller;
import dev.closer.tool.Json;
import dev.closer.tool.ToolDefinition;
import dev.closer.tool.ToolError;
import dev.closer.tool.ToolException;
import dev.closer.tool.ToolHandler;
import dev.closer.tool.ToolRegistry;
import dev.closer.tool.ToolResult;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;

/**
 * The one path every call takes, whatever door it came in by, in this order:
 * trace id → profile access → input validation → budget ceiling → no-auto-send → handler →
 * secret redaction → audit. A refusal at any step ends the call with a structured error, releases
 * any budget it held, and is still audited. Only calls whose handler succeeded are charged.
 */
public final class PolicyChain implements ToolRegistry.Chain {

    private static final Logger LOG = LoggerFactory.getLogger(PolicyChain.class);
    /**
     * A result is checked against its output schema field by field, but in long arrays only the
     * first items (they all come from the same code): the check stays a real check of the shape
     * while a 100,000-row result costs no more than a 64-row one. Inputs are always checked whole.
     */
    static final int OUTPUT_SAMPLE_ITEMS = 64;

    private final TraceIds traceIds;
    private final ProfileAccess access;
    private final SchemaValidation validation;
    private final BudgetCeiling budget;
    private final NoAutoSend noAutoSend;
    private final Redactor redactor;
    private final Audit audit;
    private final CallObserver observer;
    private final boolean validateOutputs;
    private final Map<String, Redactor> profileRedactors = new ConcurrentHashMap<>();

    public PolicyChain(TraceIds traceIds, ProfileAccess access, SchemaValidation validation, BudgetCeiling budget,
                       NoAutoSend noAutoSend, Redactor redactor, Audit audit, CallObserver observer,
                       boolean validateOutputs) {
        this.traceIds = traceIds;
        this.access = access;
        this.validation = validation;
        this.budget = budget;
        this.noAutoSend = noAutoSend;
        this.redactor = redactor;
        this.audit = audit;
        this.observer = observer;
        this.validateOutputs = validateOutputs;
    }

    @Override
    public boolean visible(ToolDefinition tool, String profile) {
        return access.visible(tool, profile);
    }

    @Override
    public ToolResult run(ToolDefinition tool, ToolHandler handler, JsonNode inputs, CallContext context, Caller caller) {
        long started = System.nanoTime();
        String trace;
        try {
            trace = traceIds.resolve(context.traceId());
        } catch (ToolException e) {
            trace = traceIds.generate();
            return finish(tool, caller, context.profile(), trace, inputs, null, null, e.error(), 0, started, redactor);
        }
        MDC.put("trace_id", trace);
        Profile profile = null;
        BudgetCeiling.Reservation held = null;
        JsonNode value = null;
        ToolError error = null;
        long cost = 0;
        try {
            profile = access.check(caller, context.profile(), tool);
            try {
                validation.requireValid(tool.inputSchema(), inputs, "inputs");
            } catch (ToolException invalid) {
                // An input that asks to send is refused as such, even where the schema also rejects
                // the field: "Closer never sends" is the answer the caller needs.
                noAutoSend.check(inputs);
                throw invalid;
            }
            cost = profile.costOverrides().getOrDefault(tool.name(), tool.cost().costOf(inputs));
            held = budget.reserve(profile, cost);
            noAutoSend.check(inputs);
            value = handler.handle(inputs, context.withTraceId(trace));
            if (value == null || !value.isObject()) {
                throw new IllegalStateException("handler of " + tool.name() + " returned no result object");
            }
            if (validateOutputs && tool.outputSchema() != null) {
                var problems = validation.violations(tool.outputSchema(), SchemaValidation.sample(value, OUTPUT_SAMPLE_ITEMS));
                if (!problems.isEmpty()) {
                    throw new IllegalStateException("result of " + tool.name() + " does not match its output schema: "
                            + problems.get(0));
                }
            }
        } catch (ToolException e) {
            error = e.error();
        } catch (RuntimeException e) {
            LOG.error("tool {} failed: {}: {}", tool.name(), e.getClass().getSimpleName(),
                    callRedactor(profile, inputs).redactText(e.getMessage()));
            error = new ToolError(ToolError.INTERNAL, "the tool failed unexpectedly; the server log has the details under"
                    + " trace id " + trace, Map.of("trace_id", trace));
        }
        if (error != null && held != null) {
            budget.release(held);
            held = null;
        }
        Redactor r = callRedactor(profile, inputs);
        try {
            return finish(tool, caller, profile == null ? context.profile() : profile.name(), trace, inputs, value, held,
                    error, cost, started, r);
        } finally {
            MDC.remove("trace_id");
        }
    }

    private ToolResult finish(ToolDefinition tool, Caller caller, String profileName, String trace, JsonNode inputs,
                              JsonNode value, BudgetCeiling.Reservation held, ToolError error, long cost, long started,
                              Redactor r) {
        ToolError safeError = error == null ? null : redact(error, r);
        JsonNode safeValue = value == null ? null : r.redact(value);
        long micros = (System.nanoTime() - started) / 1000;
        String name = profileName == null ? "(none)" : profileName;
        try {
            audit.record(new Audit.Call(name, trace, tool.name(), caller.door(), inputs, safeError, cost, held != null,
                    held == null ? null : held.windowStart(), micros), r);
        } catch (RuntimeException e) {
            // A result the audit log cannot record is not returned: the caller sees the failure.
            if (held != null) {
                budget.release(held);
            }
            LOG.error("audit write failed for {}: {}", tool.name(), e.getMessage());
            observer.called(tool.name(), caller.door(), ToolError.INTERNAL, System.nanoTime() - started);
            return ToolResult.error(ToolError.of(ToolError.INTERNAL, "the call could not be recorded; nothing was charged"),
                    new ToolResult.Meta(trace, 0, null));
        }
        Long remaining = held != null ? Long.valueOf(held.remainingAfter()) : remainingOrNull(name, caller);
        observer.called(tool.name(), caller.door(), safeError == null ? "ok" : safeError.code(), System.nanoTime() - started);
        ToolResult.Meta meta = new ToolResult.Meta(trace, held != null ? cost : 0, remaining);
        return safeError == null ? ToolResult.ok(safeValue, meta) : ToolResult.error(safeError, meta);
    }

    private Long remainingOrNull(String profileName, Caller caller) {
        return access.profile(profileName).filter(p -> caller.may(p.name())).map(budget::remaining).orElse(null);
    }

    private static ToolError redact(ToolError e, Redactor r) {
        @SuppressWarnings("unchecked")
        Map<String, Object> details = Json.MAPPER.convertValue(r.redact(Json.toTree(e.details())), Map.class);
        return new ToolError(e.code(), r.redactText(e.message()), details);
    }

    /**
     * The profile's redactor, plus any secret the caller passed in this call's inputs (e.g. a vendor
     * key): it must not come back in a result, an error or a log line, even where a vendor's
     * message quotes it in a harmless-looking place.
     */
    private Redactor callRedactor(Profile profile, JsonNode inputs) {
        Redactor r = profile == null ? redactor : redactorFor(profile);
        List<String> passed = r.secretValues(inputs);
        return passed.isEmpty() ? r : r.withKnownSecrets(passed);
    }

    private Redactor redactorFor(Profile p) {
        return profileRedactors.computeIfAbsent(p.name(), k -> redactor.with(p.redactKeys(), p.redactValues()));
    }
}
