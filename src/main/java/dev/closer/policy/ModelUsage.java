package dev.closer.policy;

import dev.closer.tool.Caller;
import dev.closer.tool.Json;
import dev.closer.tool.ToolError;
import dev.closer.tool.ToolException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The chain's profile, budget and audit steps for what is not a tool call: the tokens a chat
 * model spends for the assistant. Before each model request the worst case is reserved (the
 * prompt's estimated tokens plus the answer's maximum), so a turn that would cross the ceiling
 * stops before the model is asked; once the model has answered, the reservation is released and
 * the tokens it reports are charged (units per 1,000 tokens from the profile, rounded up) with one
 * ledger row and one audit row under the conversation's trace id.
 */
public final class ModelUsage {

    private final ProfileAccess access;
    private final BudgetCeiling budget;
    private final Audit audit;
    private final Redactor redactor;

    public ModelUsage(ProfileAccess access, BudgetCeiling budget, Audit audit, Redactor redactor) {
        this.access = access;
        this.budget = budget;
        this.audit = audit;
        this.redactor = redactor;
    }

    /** A reservation for one model request. */
    public record Hold(Profile profile, BudgetCeiling.Reservation reservation, String trace, String door, String model) {
    }

    /** Reserves the units {@code maxTokens} could cost; PROFILE_DENIED or BUDGET_EXCEEDED (with spent, ceiling, remaining) if not. */
    public Hold reserve(Caller caller, String profileName, String trace, String model, long maxTokens) {
        Profile profile = access.granted(caller, profileName);
        long units = units(profile, maxTokens);
        try {
            return new Hold(profile, budget.reserve(profile, units), trace, caller.door(), model);
        } catch (ToolException refused) {
            record(profile.name(), trace, caller.door(), model, refused.error(), 0, false, null, Map.of("max_tokens", maxTokens));
            throw refused;
        }
    }

    /** Charges what the model reports it used; returns the units charged. */
    public long settle(Hold hold, long inputTokens, long outputTokens) {
        budget.release(hold.reservation());
        long units = units(hold.profile(), inputTokens + outputTokens);
        BudgetCeiling.Reservation charged = budget.charge(hold.profile(), units);
        Map<String, Object> usage = new LinkedHashMap<>();
        usage.put("input_tokens", inputTokens);
        usage.put("output_tokens", outputTokens);
        record(hold.profile().name(), hold.trace(), hold.door(), hold.model(), null, units, units > 0, charged.windowStart(), usage);
        return units;
    }

    /** The model request failed: nothing is charged, and the failure is audited. */
    public void cancel(Hold hold, String reason) {
        budget.release(hold.reservation());
        record(hold.profile().name(), hold.trace(), hold.door(), hold.model(), ToolError.of("MODEL_FAILED", reason), 0, false,
                null, Map.of());
    }

    /** How much of the budget is left for the caller's profile. */
    public long remaining(Caller caller, String profileName) {
        return budget.remaining(access.granted(caller, profileName));
    }

    static long units(Profile profile, long tokens) {
        return (tokens * profile.unitsPer1kTokens() + 999) / 1000;
    }

    private void record(String profile, String trace, String door, String model, ToolError error, long cost, boolean charged,
                        String window, Map<String, Object> details) {
        var inputs = Json.object();
        inputs.put("model", model);
        inputs.set("usage", Json.toTree(details));
        audit.record(new Audit.Call(profile, trace, "model:" + model, door, inputs, error, cost, charged, window, 0), redactor);
    }
}
