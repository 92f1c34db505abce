package dev.closer.crm.hubspot;

import static dev.closer.crm.hubspot.HubSpotRecords.COMPANY_PROPS;
import static dev.closer.crm.hubspot.HubSpotRecords.CONTACT_PROPS;
import static dev.closer.crm.hubspot.HubSpotRecords.DEAL_PROPS;

import dev.closer.crm.AccountFilters;
import dev.closer.crm.CrmAccount;
import dev.closer.crm.CrmAdapter;
import dev.closer.crm.CrmContact;
import dev.closer.crm.CrmException;
import dev.closer.crm.CrmOpportunity;
import dev.closer.crm.OpportunityFilters;
import dev.closer.crm.Page;
import dev.closer.crm.UpdateResult;
import dev.closer.crm.http.RateLimiter;
import dev.closer.crm.http.VendorHttp;
import dev.closer.tool.Json;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * HubSpot CRM v3 with a private-app token (Authorization: Bearer). Companies are accounts; deals
 * are opportunities, searched with filter groups and {@code after} paging (HubSpot stops at 10,000
 * results per search, and allows about four search requests per second per token, which
 * {@code searchLimit} keeps to); each page's deals are joined to their companies with one v4
 * associations batch read. Property values arrive as strings and are read as numbers; stage ids map
 * to Closer's names through the pipelines API, industry values to their labels through the
 * properties API. Updates read the deal first and PATCH only what differs, once.
 */
public final class HubSpotAdapter implements CrmAdapter {

    private static final int SEARCH_CAP = 10_000;
    private static final int MAX_PAGE = 200;

    private final String baseUrl;
    private final Map<String, String> auth;
    private final VendorHttp http;
    private final RateLimiter searchLimit;
    private final HubSpotScan scan;
    private volatile HubSpotStages stages;
    private volatile Map<String, String> industries;

    /**
     * @param pageConcurrency how many search pages a scan fetches at once (still within {@code searchLimit})
     */
    public HubSpotAdapter(String baseUrl, String token, VendorHttp http, RateLimiter searchLimit, int pageConcurrency) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.auth = Map.of("Authorization", "Bearer " + token, "Accept", "application/json");
        this.http = http;
        this.searchLimit = searchLimit;
        this.scan = new HubSpotScan(this, pageConcurrency);
    }

    /** HubSpot's error classes and rate-limit headers, for the {@link VendorHttp} this adapter is given. */
    public static VendorHttp.Rules rules() {
        return new HubSpotRules();
    }

    @Override
    public String name() {
        return "hubspot";
    }

    @Override
    public CrmAccount getAccount(String accountId) {
        return HubSpotRecords.account(get("/crm/v3/objects/companies/" + enc(accountId) + "?properties=" + COMPANY_PROPS), industries());
    }

    @Override
    public CrmOpportunity getOpportunity(String opportunityId) {
        JsonNode raw = rawDeal(opportunityId);
        return HubSpotRecords.deal(raw, firstCompany(raw), stages());
    }

    @Override
    public Page<CrmAccount> searchAccounts(AccountFilters f, int limit, String cursor) {
        ArrayNode filters = Json.MAPPER.createArrayNode();
        add(filters, "name", "CONTAINS_TOKEN", f.name());
        add(filters, "industry", "EQ", f.industry());
        add(filters, "state", "EQ", f.region());
        JsonNode r = search("companies", filters, COMPANY_PROPS, limit, cursor);
        List<CrmAccount> out = new ArrayList<>();
        Map<String, String> labels = industries();
        r.path("results").forEach(n -> out.add(HubSpotRecords.account(n, labels)));
        return new Page<>(out, next(r));
    }

    @Override
    public Page<CrmOpportunity> searchOpportunities(OpportunityFilters f, int limit, String cursor) {
        JsonNode r = search("deals", dealFilters(f), DEAL_PROPS, limit, cursor);
        return new Page<>(deals(r, f.accountId()), next(r));
    }

    @Override
    public int scanOpportunities(OpportunityFilters filters, int max, Consumer<CrmOpportunity> sink) {
        return scan.run(filters, max, sink);
    }

    /** One search page's deals, each with its company (known, or read in one associations batch). */
    List<CrmOpportunity> deals(JsonNode searchPage, String knownAccount) {
        List<String> ids = new ArrayList<>();
        searchPage.path("results").forEach(n -> ids.add(n.path("id").asString()));
        Map<String, String> companies = knownAccount != null || ids.isEmpty() ? Map.of() : companiesOf(ids);
        List<CrmOpportunity> out = new ArrayList<>();
        for (JsonNode n : searchPage.path("results")) {
            String id = n.path("id").asString();
            out.add(HubSpotRecords.deal(n, knownAccount != null ? knownAccount : companies.get(id), stages()));
        }
        return out;
    }

    ArrayNode dealFilters(OpportunityFilters f) {
        ArrayNode filters = Json.MAPPER.createArrayNode();
        if (f.stage() != null) {
            ArrayNode values = filters.addObject().put("propertyName", "dealstage").put("operator", "IN").putArray("values");
            stages().idsNamed(f.stage()).forEach(values::add);
        }
        add(filters, "associations.company", "EQ", f.accountId());
        add(filters, "hubspot_owner_id", "EQ", f.owner());
        add(filters, "closedate", "GTE", f.closeDateAfter() == null ? null : millis(f.closeDateAfter()));
        add(filters, "closedate", "LT", f.closeDateBefore() == null ? null : millis(f.closeDateBefore().plusDays(1)));
        return filters;
    }

    /**
     * PATCHes the properties whose value differs, once (never retried on a timeout: it may have
     * landed, and the caller's retry will find the values already held and write nothing).
     */
    @Override
    public UpdateResult updateOpportunity(String id, Map<String, Object> updates, String idempotencyKey) {
        JsonNode raw = rawDeal(id);
        CrmOpportunity before = HubSpotRecords.deal(raw, firstCompany(raw), stages());
        JsonNode current = raw.path("properties");
        String pipeline = current.path("pipeline").asString(null);
        ObjectNode body = Json.object();
        ObjectNode props = body.putObject("properties");
        Map<String, UpdateResult.Change> changes = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : updates.entrySet()) {
            String prop = HubSpotUpdates.property(e.getKey());
            String value = e.getKey().equals("stage") ? stages().idIn(pipeline, String.valueOf(e.getValue()))
                    : HubSpotUpdates.wireValue(prop, e.getValue());
            if (!HubSpotUpdates.same(prop, current.path(prop).asString(null), value)) {
                props.put(prop, value);
                changes.put(e.getKey(), new UpdateResult.Change(HubSpotUpdates.from(before, e.getKey(), current.path(prop)), e.getValue()));
            }
        }
        if (props.isEmpty()) {
            return new UpdateResult(true, changes, before, "the deal already held these values; nothing was written");
        }
        JsonNode after = http.json(http.sendOnce("PATCH", uri("/crm/v3/objects/deals/" + enc(id)), auth, Json.write(body)));
        return new UpdateResult(true, changes, HubSpotRecords.deal(after, before.accountId(), stages()), null);
    }

    @Override
    public List<CrmContact> listContacts(String accountId) {
        ArrayNode filters = Json.MAPPER.createArrayNode();
        add(filters, "associatedcompanyid", "EQ", accountId);
        JsonNode r = search("contacts", filters, CONTACT_PROPS, MAX_PAGE, null);
        List<CrmContact> out = new ArrayList<>();
        r.path("results").forEach(n -> out.add(HubSpotRecords.contact(n, accountId)));
        return out;
    }

    @Override
    public void ping() {
        get("/crm/v3/objects/companies?limit=1");
    }

    private JsonNode rawDeal(String id) {
        return get("/crm/v3/objects/deals/" + enc(id) + "?properties=" + DEAL_PROPS + "&associations=companies");
    }

    private static String firstCompany(JsonNode deal) {
        JsonNode first = deal.path("associations").path("companies").path("results").path(0);
        return first.isMissingNode() ? null : first.path("id").asString(null);
    }

    /** Deal id → its company, preferring the association labelled primary. */
    private Map<String, String> companiesOf(List<String> dealIds) {
        ObjectNode body = Json.object();
        ArrayNode inputs = body.putArray("inputs");
        dealIds.forEach(id -> inputs.addObject().put("id", id));
        JsonNode r = http.json(http.send("POST", uri("/crm/v4/associations/deals/companies/batch/read"), auth, Json.write(body)));
        Map<String, String> out = new HashMap<>();
        for (JsonNode result : r.path("results")) {
            String company = null;
            for (JsonNode to : result.path("to")) {
                boolean primary = false;
                for (JsonNode type : to.path("associationTypes")) {
                    primary |= "Primary".equalsIgnoreCase(type.path("label").asString("")) || type.path("typeId").asInt() == 5;
                }
                if (company == null || primary) {
                    company = to.path("toObjectId").asString();
                }
                if (primary) {
                    break;
                }
            }
            out.put(result.path("from").path("id").asString(), company);
        }
        return out;
    }

    HubSpotStages stages() {
        if (stages == null) {
            stages = HubSpotStages.parse(http.json(http.send("GET", uri("/crm/v3/pipelines/deals"), auth, null)));
        }
        return stages;
    }

    /** The industry property's options (value → label); an account without the property scope keeps raw values. */
    private Map<String, String> industries() {
        if (industries == null) {
            Map<String, String> labels = new HashMap<>();
            try {
                JsonNode r = http.json(http.send("GET", uri("/crm/v3/properties/companies/industry"), auth, null));
                r.path("options").forEach(o -> labels.put(o.path("value").asString(), o.path("label").asString()));
            } catch (CrmException e) {
                if (e.retriable()) {
                    throw e;
                }
                // No scope for the properties API, or no such property: show HubSpot's values as they are.
            }
            industries = Map.copyOf(labels);
        }
        return industries;
    }

    JsonNode search(String object, ArrayNode filters, String props, int limit, String cursor) {
        int offset = offset(cursor);
        if (offset >= SEARCH_CAP) {
            throw new CrmException(CrmException.Kind.INVALID_REQUEST, "HubSpot search stops at " + SEARCH_CAP
                    + " results; narrow the filters (for example by close date)");
        }
        ObjectNode body = Json.object();
        if (!filters.isEmpty()) {
            body.putArray("filterGroups").addObject().set("filters", filters);
        }
        // A stable order, so that offsets address the same records from page to page.
        body.putArray("sorts").addObject().put("propertyName", "hs_object_id").put("direction", "ASCENDING");
        ArrayNode properties = body.putArray("properties");
        for (String p : props.split(",")) {
            properties.add(p);
        }
        body.put("limit", Math.max(1, Math.min(limit, MAX_PAGE)));
        if (cursor != null) {
            body.put("after", cursor);
        }
        searchLimit.acquire();
        return http.json(http.send("POST", uri("/crm/v3/objects/" + object + "/search"), auth, Json.write(body)));
    }

    private static int offset(String cursor) {
        try {
            return cursor == null ? 0 : Integer.parseInt(cursor);
        } catch (NumberFormatException e) {
            throw new CrmException(CrmException.Kind.INVALID_REQUEST, "cursor '" + cursor + "' was not issued by HubSpot");
        }
    }

    private static String next(JsonNode r) {
        String after = r.path("paging").path("next").path("after").asString(null);
        return after != null && offset(after) < SEARCH_CAP ? after : null;
    }

    private JsonNode get(String path) {
        return http.json(http.send("GET", uri(path), auth, null));
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    private static void add(ArrayNode filters, String prop, String op, String value) {
        if (value != null) {
            filters.addObject().put("propertyName", prop).put("operator", op).put("value", value);
        }
    }

    static String millis(LocalDate d) {
        return String.valueOf(d.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
