package dev.closer.crm.hubspot;

import dev.closer.crm.AccountFilters;
import dev.closer.crm.CrmAccount;
import dev.closer.crm.CrmAdapter;
import dev.closer.crm.CrmContact;
import dev.closer.crm.CrmException;
import dev.closer.crm.CrmOpportunity;
import dev.closer.crm.OpportunityFilters;
import dev.closer.crm.Page;
import dev.closer.crm.UpdateResult;
import dev.closer.crm.http.VendorHttp;
import dev.closer.tool.Json;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * HubSpot CRM v3 with a private-app token (Authorization: Bearer). Companies are accounts; deals
 * are opportunities, searched with filter groups and {@code after} paging (HubSpot stops at 10,000
 * results per search); property values arrive as strings and are read as numbers; stage ids map to
 * Closer's names through the pipelines API. HubSpot has no idempotency keys, so a retried key is
 * answered from this adapter's memory of the first outcome. Nothing here can send a message.
 */
public final class HubSpotAdapter implements CrmAdapter {

    static final String COMPANY_PROPS = "name,industry,annualrevenue,numberofemployees,state,country";
    static final String DEAL_PROPS = "dealname,amount,closedate,dealstage,pipeline,hubspot_owner_id,closed_lost_reason,createdate";
    private static final int SEARCH_CAP = 10_000;

    private final String baseUrl;
    private final Map<String, String> auth;
    private final VendorHttp http;
    /** Outcomes by idempotency key (bounded: the oldest are forgotten first). */
    private final Map<String, UpdateResult> applied = java.util.Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, UpdateResult> eldest) {
            return size() > 10_000;
        }
    });
    /** Keys whose PATCH failed in a way that may still have applied it (timeout, reset). */
    private final java.util.Set<String> uncertain = ConcurrentHashMap.newKeySet();
    private volatile HubSpotStages stages;

    public HubSpotAdapter(String baseUrl, String token, VendorHttp http) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.auth = Map.of("Authorization", "Bearer " + token, "Accept", "application/json");
        this.http = http;
    }

    @Override
    public String name() {
        return "hubspot";
    }

    @Override
    public CrmAccount getAccount(String accountId) {
        return account(get("/crm/v3/objects/companies/" + enc(accountId) + "?properties=" + COMPANY_PROPS));
    }

    @Override
    public CrmOpportunity getOpportunity(String opportunityId) {
        JsonNode raw = get("/crm/v3/objects/deals/" + enc(opportunityId) + "?properties=" + DEAL_PROPS + "&associations=companies");
        return deal(raw, firstCompany(raw));
    }

    private static String firstCompany(JsonNode deal) {
        JsonNode first = deal.path("associations").path("companies").path("results").path(0);
        return first.isMissingNode() ? null : first.path("id").asString(null);
    }

    @Override
    public Page<CrmAccount> searchAccounts(AccountFilters f, int limit, String cursor) {
        ArrayNode filters = Json.MAPPER.createArrayNode();
        add(filters, "name", "CONTAINS_TOKEN", f.name());
        add(filters, "industry", "EQ", f.industry());
        add(filters, "state", "EQ", f.region());
        JsonNode r = search("companies", filters, COMPANY_PROPS, limit, cursor);
        List<CrmAccount> out = new ArrayList<>();
        r.path("results").forEach(n -> out.add(account(n)));
        return new Page<>(out, next(r, cursor, limit));
    }

    @Override
    public Page<CrmOpportunity> searchOpportunities(OpportunityFilters f, int limit, String cursor) {
        ArrayNode filters = Json.MAPPER.createArrayNode();
        if (f.stage() != null) {
            ObjectNode in = filters.addObject().put("propertyName", "dealstage").put("operator", "IN");
            ArrayNode values = in.putArray("values");
            stages().idsNamed(f.stage()).forEach(values::add);
        }
        add(filters, "associations.company", "EQ", f.accountId());
        add(filters, "hubspot_owner_id", "EQ", f.owner());
        add(filters, "closedate", "GTE", f.closeDateAfter() == null ? null : millis(f.closeDateAfter()));
        add(filters, "closedate", "LTE", f.closeDateBefore() == null ? null : millis(f.closeDateBefore().plusDays(1)) );
        JsonNode r = search("deals", filters, DEAL_PROPS, limit, cursor);
        List<CrmOpportunity> out = new ArrayList<>();
        for (JsonNode n : r.path("results")) {
            out.add(deal(n, f.accountId()));
        }
        return new Page<>(out, next(r, cursor, limit));
    }

    /**
     * PATCHes the deal once per idempotency key. A write is never retried blindly: if a PATCH times
     * out, the key is remembered as uncertain, and the caller's retry first reads the deal — when it
     * already holds the requested values, the earlier PATCH landed and no second one is sent.
     */
    @Override
    public UpdateResult updateOpportunity(String id, Map<String, Object> updates, String idempotencyKey) {
        if (idempotencyKey != null && applied.containsKey(idempotencyKey)) {
            return applied.get(idempotencyKey);
        }
        JsonNode raw = get("/crm/v3/objects/deals/" + enc(id) + "?properties=" + DEAL_PROPS);
        CrmOpportunity before = deal(raw, null);
        String pipeline = raw.path("properties").path("pipeline").asString(null);
        ObjectNode body = Json.object();
        ObjectNode props = body.putObject("properties");
        Map<String, UpdateResult.Change> changes = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : updates.entrySet()) {
            String prop = switch (e.getKey()) {
                case "stage" -> "dealstage";
                case "amount" -> "amount";
                case "close_date" -> "closedate";
                case "next_step" -> "hs_next_step";
                case "name" -> "dealname";
                default -> e.getKey();
            };
            Object value = e.getKey().equals("stage") ? stages().idIn(pipeline, String.valueOf(e.getValue())) : e.getValue();
            props.put(prop, String.valueOf(value));
            changes.put(e.getKey(), new UpdateResult.Change(current(before, e.getKey()), e.getValue()));
        }
        if (idempotencyKey != null && uncertain.contains(idempotencyKey) && alreadyHolds(raw, props)) {
            return remember(idempotencyKey, new UpdateResult(true, changes, before, "applied by an earlier attempt with this key"));
        }
        JsonNode after;
        try {
            after = Json.parse(http.sendOnce("PATCH", uri("/crm/v3/objects/deals/" + enc(id)), auth, Json.write(body)).body());
        } catch (CrmException e) {
            if (idempotencyKey != null && e.kind() == CrmException.Kind.UNAVAILABLE) {
                uncertain.add(idempotencyKey);
            }
            throw e;
        }
        return remember(idempotencyKey, new UpdateResult(true, changes, deal(after, before.accountId()), null));
    }

    private UpdateResult remember(String key, UpdateResult r) {
        if (key != null) {
            applied.putIfAbsent(key, r);
            uncertain.remove(key);
        }
        return r;
    }

    private static boolean alreadyHolds(JsonNode deal, ObjectNode props) {
        for (Map.Entry<String, JsonNode> e : props.properties()) {
            if (!e.getValue().asString().equals(deal.path("properties").path(e.getKey()).asString(null))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public List<CrmContact> listContacts(String accountId) {
        ArrayNode filters = Json.MAPPER.createArrayNode();
        add(filters, "associatedcompanyid", "EQ", accountId);
        JsonNode r = search("contacts", filters, "firstname,lastname,jobtitle,hs_buying_role", 100, null);
        List<CrmContact> out = new ArrayList<>();
        for (JsonNode n : r.path("results")) {
            JsonNode p = n.path("properties");
            String name = (p.path("firstname").asString("") + " " + p.path("lastname").asString("")).strip();
            out.add(new CrmContact(n.path("id").asString(), name.isEmpty() ? null : name, p.path("jobtitle").asString(null),
                    p.path("hs_buying_role").asString(null), accountId));
        }
        return out;
    }

    private HubSpotStages stages() {
        if (stages == null) {
            stages = HubSpotStages.parse(http.send("GET", uri("/crm/v3/pipelines/deals"), auth, null).body());
        }
        return stages;
    }

    private JsonNode search(String object, ArrayNode filters, String props, int limit, String cursor) {
        int offset = cursor == null ? 0 : Integer.parseInt(cursor);
        if (offset >= SEARCH_CAP) {
            throw new CrmException(CrmException.Kind.INVALID_REQUEST, "HubSpot search stops at " + SEARCH_CAP
                    + " results; narrow the filters (for example by close date)");
        }
        ObjectNode body = Json.object();
        if (!filters.isEmpty()) {
            body.putArray("filterGroups").addObject().set("filters", filters);
        }
        ArrayNode properties = body.putArray("properties");
        for (String p : props.split(",")) {
            properties.add(p);
        }
        body.put("limit", Math.min(limit, 200));
        if (cursor != null) {
            body.put("after", cursor);
        }
        return Json.parse(http.send("POST", uri("/crm/v3/objects/" + object + "/search"), auth, Json.write(body)).body());
    }

    private static String next(JsonNode r, String cursor, int limit) {
        String after = r.path("paging").path("next").path("after").asString(null);
        return after != null && Integer.parseInt(after) < SEARCH_CAP ? after : null;
    }

    private JsonNode get(String path) {
        return Json.parse(http.send("GET", uri(path), auth, null).body());
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    private static void add(ArrayNode filters, String prop, String op, String value) {
        if (value != null) {
            filters.addObject().put("propertyName", prop).put("operator", op).put("value", value);
        }
    }

    private static String millis(LocalDate d) {
        return String.valueOf(d.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static CrmAccount account(JsonNode n) {
        JsonNode p = n.path("properties");
        Double employees = number(p.path("numberofemployees"));
        return new CrmAccount(n.path("id").asString(), p.path("name").asString(null), p.path("industry").asString(null),
                number(p.path("annualrevenue")), employees == null ? null : employees.intValue(),
                p.path("state").asString(p.path("country").asString(null)), "hubspot");
    }

    private CrmOpportunity deal(JsonNode n, String accountId) {
        JsonNode p = n.path("properties");
        HubSpotStages.Stage stage = stages().of(p.path("dealstage").asString(""));
        LocalDate close = date(p.path("closedate").asString(null));
        LocalDate created = date(p.path("createdate").asString(null));
        Integer cycle = close != null && created != null && stage.closed() ? (int) java.time.temporal.ChronoUnit.DAYS.between(created, close) : null;
        return new CrmOpportunity(n.path("id").asString(), p.path("dealname").asString(null), accountId, stage.label(),
                number(p.path("amount")), close, stage.won(), stage.closed(), p.path("closed_lost_reason").asString(null), cycle,
                p.path("hubspot_owner_id").asString(null), null);
    }

    private static Object current(CrmOpportunity o, String field) {
        return switch (field) {
            case "stage" -> o.stage();
            case "amount" -> o.amount();
            case "close_date" -> o.closeDate() == null ? null : o.closeDate().toString();
            case "name" -> o.name();
            default -> null;
        };
    }

    /** HubSpot sends numbers as strings ("25000000", "1.5E7", ""). */
    static Double number(JsonNode v) {
        if (v.isNumber()) {
            return v.asDouble();
        }
        String s = v.asString("").strip();
        try {
            return s.isEmpty() ? null : Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static LocalDate date(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return s.length() == 10 ? LocalDate.parse(s) : OffsetDateTime.parse(s).atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
        } catch (java.time.format.DateTimeParseException e) {
            try {
                return Instant.ofEpochMilli(Long.parseLong(s)).atZone(ZoneOffset.UTC).toLocalDate();
            } catch (NumberFormatException n) {
                return null;
            }
        }
    }
}
