package dev.closer.toolset.crm;

import dev.closer.crm.AccountFilters;
import dev.closer.crm.CrmAdapter;
import dev.closer.crm.CrmException;
import dev.closer.crm.CrmOpportunity;
import dev.closer.crm.OpportunityFilters;
import dev.closer.crm.UpdateResult;
import dev.closer.tool.CallContext;
import dev.closer.tool.Json;
import dev.closer.tool.ToolError;
import dev.closer.tool.ToolException;
import dev.closer.tool.ToolHandler;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * crm_get_account, crm_search_accounts, crm_search_opportunities and crm_update_opportunity on the
 * profile's CRM (the guide's adapter.get_account / search_opportunities / update_opportunity).
 * Vendor failures map once to tool errors: AUTH → CRM_AUTH, NOT_FOUND → NOT_FOUND, rate limits and
 * outages → CRM_UNAVAILABLE, a bad request → INVALID_INPUT. Updates write only where the profile
 * sets crm.writes: true and dry_run is false; otherwise the record is read and the change that
 * would be made (each differing field, from → to) is returned, and nothing is written.
 */
public final class CrmToolset {

    private final Function<String, CrmAdapter> crm;
    private final Predicate<String> writesAllowed;

    public CrmToolset(Function<String, CrmAdapter> crm, Predicate<String> writesAllowed) {
        this.crm = crm;
        this.writesAllowed = writesAllowed;
    }

    public Map<String, ToolHandler> handlers() {
        return Map.of("crm_get_account", this::getAccount, "crm_search_accounts", this::searchAccounts,
                "crm_search_opportunities", this::searchOpportunities, "crm_update_opportunity", this::update);
    }

    private JsonNode getAccount(JsonNode in, CallContext ctx) {
        CrmAdapter a = crm.apply(ctx.profile());
        ObjectNode out = Json.object();
        out.set("account", Json.toTree(call(a, () -> a.getAccount(in.path("account_id").asString()))));
        return out;
    }

    private JsonNode searchAccounts(JsonNode in, CallContext ctx) {
        CrmAdapter a = crm.apply(ctx.profile());
        JsonNode f = in.path("filters");
        var page = call(a, () -> a.searchAccounts(new AccountFilters(f.path("name").asString(null), f.path("industry").asString(null),
                f.path("region").asString(null)), in.path("limit").asInt(50), in.path("cursor").asString(null)));
        ObjectNode out = Json.object();
        out.set("accounts", Json.toTree(page.items()));
        out.put("next_cursor", page.nextCursor());
        out.put("crm", a.name());
        return out;
    }

    private JsonNode searchOpportunities(JsonNode in, CallContext ctx) {
        CrmAdapter a = crm.apply(ctx.profile());
        JsonNode f = in.path("filters");
        OpportunityFilters filters = new OpportunityFilters(f.path("stage").asString(null), f.path("account_id").asString(null),
                date(f, "close_date_after"), date(f, "close_date_before"), f.path("owner").asString(null));
        var page = call(a, () -> a.searchOpportunities(filters, in.path("limit").asInt(50), in.path("cursor").asString(null)));
        ObjectNode out = Json.object();
        out.set("opportunities", Json.toTree(page.items()));
        out.put("next_cursor", page.nextCursor());
        out.put("crm", a.name());
        return out;
    }

    @SuppressWarnings("unchecked")
    private JsonNode update(JsonNode in, CallContext ctx) {
        CrmAdapter a = crm.apply(ctx.profile());
        String id = in.path("opportunity_id").asString();
        Map<String, Object> updates = Json.MAPPER.convertValue(in.path("updates"), Map.class);
        boolean dryRun = in.path("dry_run").asBoolean(false);
        boolean allowed = writesAllowed.test(ctx.profile());
        if (dryRun || !allowed) {
            CrmOpportunity current = call(a, () -> a.getOpportunity(id));
            Map<String, UpdateResult.Change> changes = new LinkedHashMap<>();
            updates.forEach((k, v) -> {
                Object from = valueOf(current, k);
                if (!sameValue(from, v)) {
                    changes.put(k, new UpdateResult.Change(from, v));
                }
            });
            ObjectNode out = Json.object();
            out.put("applied", false);
            out.set("changes", Json.toTree(changes));
            out.set("opportunity", Json.toTree(current));
            out.put("reason", dryRun ? "dry_run: nothing was written" : "profile '" + ctx.profile()
                    + "' does not allow CRM writes (crm.writes: false); this is the change that would be made");
            out.put("crm", a.name());
            return out;
        }
        UpdateResult r = call(a, () -> a.updateOpportunity(id, updates, in.path("idempotency_key").asString(null)));
        ObjectNode out = (ObjectNode) Json.toTree(r);
        out.put("crm", a.name());
        return out;
    }

    /** A field's current value as Closer reads it; null where the record does not carry it. */
    private static Object valueOf(CrmOpportunity o, String field) {
        return switch (field) {
            case "stage" -> o.stage();
            case "amount" -> o.amount();
            case "close_date" -> o.closeDate() == null ? null : o.closeDate().toString();
            case "name" -> o.name();
            case "qualification_score" -> o.qualificationScore();
            case "owner" -> o.owner();
            case "loss_reason" -> o.lossReason();
            default -> null;
        };
    }

    private static boolean sameValue(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return x.doubleValue() == y.doubleValue();
        }
        return a != null && b != null && String.valueOf(a).equalsIgnoreCase(String.valueOf(b));
    }

    private static LocalDate date(JsonNode f, String field) {
        String s = f.path(field).asString(null);
        try {
            return s == null ? null : LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
        } catch (java.time.format.DateTimeParseException e) {
            throw ToolException.invalid("/filters/" + field, "'" + s + "' is not a date (YYYY-MM-DD)");
        }
    }

    private static <T> T call(CrmAdapter a, Supplier<T> work) {
        try {
            return work.get();
        } catch (CrmException e) {
            String code = switch (e.kind()) {
                case AUTH -> ToolError.CRM_AUTH;
                case NOT_FOUND -> ToolError.NOT_FOUND;
                case INVALID_REQUEST -> ToolError.INVALID_INPUT;
                default -> ToolError.CRM_UNAVAILABLE;
            };
            throw new ToolException(code, a.name() + ": " + e.getMessage(), Map.of("crm", a.name(), "kind", e.kind().name()));
        }
    }
}
