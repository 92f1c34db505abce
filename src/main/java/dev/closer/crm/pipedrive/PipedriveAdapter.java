package dev.closer.crm.pipedrive;

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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Pipedrive through API v2 (the v1 deal and organization endpoints are out of support), with an API
 * token in the {@code x-api-token} header. Organizations are accounts, deals are opportunities,
 * persons are contacts; every response is {@code {"success", "data", "additional_data": {"next_cursor"}}}
 * and lists page with {@code cursor} and {@code limit} (at most 500; 100 for search).
 *
 * <p>Stages: a Pipedrive deal is won or lost by its {@code status}, not by a stage, so "Closed Won"
 * and "Closed Lost" are statuses and only open deals carry a stage name (read once from the stages
 * API). A deal closes on {@code won_time}/{@code lost_time} (else {@code close_time}); an open one on
 * its {@code expected_close_date}. The deals API has no close-date filter, so close dates are
 * filtered here, over as many vendor pages as a page of results needs — see {@link PipedrivePager}
 * for how the cursor then resumes exactly where a page stopped. Industry, revenue and employee count
 * are custom fields, found as {@link PipedriveOrgFields} explains.
 *
 * <p>Updates follow {@link CrmAdapter#updateOpportunity}: read the deal, PATCH only the fields that
 * differ, once ({@link VendorHttp#sendOnce}). Pipedrive has no idempotency keys; the read-first rule
 * is what makes a retry after an uncertain PATCH safe (with {@link dev.closer.crm.IdempotentCrm} in
 * front). Nothing here can send a message.
 */
public final class PipedriveAdapter implements CrmAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(PipedriveAdapter.class);

    /** Vendor page limits: lists take up to 500, search up to 100 (API reference, v2). */
    static final int MAX_LIMIT = 500;
    static final int MAX_SEARCH_LIMIT = 100;
    /** Vendor page size while filtering here: big pages, few round trips. */
    static final int FILTERED_PAGE = 100;
    /** Vendor pages read per call at most while filtering here (about 10,000 deals); then a cursor to go on. */
    static final int MAX_VENDOR_PAGES = 20;
    private static final Pattern CUSTOM_FIELD_KEY = Pattern.compile("[0-9a-f]{40}");

    /**
     * Custom-field keys (40-character hashes) from configuration. Organization fields, when null, are
     * found by name; the deal fields for Closer's {@code next_step} and {@code qualification_score} have
     * no Pipedrive equivalent and are only written or read when configured.
     */
    public record FieldKeys(String industry, String revenue, String employees, String nextStep, String qualificationScore) {
        public static final FieldKeys NONE = new FieldKeys(null, null, null, null, null);

        static FieldKeys fromEnvironment(Map<String, String> env) {
            return new FieldKeys(blankToNull(env.get("PIPEDRIVE_FIELD_INDUSTRY")), blankToNull(env.get("PIPEDRIVE_FIELD_REVENUE")),
                    blankToNull(env.get("PIPEDRIVE_FIELD_EMPLOYEES")), blankToNull(env.get("PIPEDRIVE_FIELD_NEXT_STEP")),
                    blankToNull(env.get("PIPEDRIVE_FIELD_QUALIFICATION_SCORE")));
        }
    }

    private final String baseUrl;
    /** Only ever sent as a header; never part of a message, a URI or a record's toString. */
    private final Map<String, String> auth;
    private final FieldKeys keys;
    private final VendorHttp http;
    private volatile PipedriveStages stages;
    private volatile PipedriveOrgFields orgFields;

    public PipedriveAdapter(String baseUrl, String token, FieldKeys keys, VendorHttp http) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.auth = Map.of("x-api-token", token, "Accept", "application/json");
        this.keys = keys == null ? FieldKeys.NONE : keys;
        this.http = http;
    }

    public PipedriveAdapter(String baseUrl, String token, VendorHttp http) {
        this(baseUrl, token, FieldKeys.NONE, http);
    }

    /**
     * The adapter the environment asks for, or null when no token is set: PIPEDRIVE_API_TOKEN (or
     * PIPEDRIVE_API_KEY); PIPEDRIVE_BASE_URL, else the company domain's own host
     * (PIPEDRIVE_COMPANY_DOMAIN), else https://api.pipedrive.com; PIPEDRIVE_FIELD_* custom-field keys.
     * {@code http} should be built with {@link PipedriveRules}.
     */
    public static PipedriveAdapter fromEnvironment(Map<String, String> env, VendorHttp http) {
        String token = blankToNull(env.get("PIPEDRIVE_API_TOKEN"));
        if (token == null) {
            token = blankToNull(env.get("PIPEDRIVE_API_KEY"));
        }
        return token == null ? null : new PipedriveAdapter(baseUrl(env), token.strip(), FieldKeys.fromEnvironment(env), http);
    }

    /** As above, with Closer's default timeouts, retries and circuit breaker and Pipedrive's rules. */
    public static PipedriveAdapter fromEnvironment(Map<String, String> env, Clock clock) {
        return fromEnvironment(env, new VendorHttp("pipedrive", VendorHttp.Settings.defaults(), d -> Thread.sleep(d.toMillis()),
                clock, new PipedriveRules(clock)));
    }

    static String baseUrl(Map<String, String> env) {
        String base = blankToNull(env.get("PIPEDRIVE_BASE_URL"));
        if (base != null) {
            return base.strip();
        }
        String domain = blankToNull(env.get("PIPEDRIVE_COMPANY_DOMAIN"));
        if (domain == null) {
            return "https://api.pipedrive.com";
        }
        // Accept "acme", "acme.pipedrive.com" or "https://acme.pipedrive.com/".
        String d = domain.strip().replaceFirst("^https?://", "").replaceFirst("/+$", "").replaceFirst("\\.pipedrive\\.com$", "");
        if (!d.matches("[A-Za-z0-9][A-Za-z0-9-]*")) {
            throw new IllegalArgumentException("PIPEDRIVE_COMPANY_DOMAIN '" + domain + "' is not a Pipedrive company domain (e.g. 'acme' for acme.pipedrive.com)");
        }
        return "https://" + d + ".pipedrive.com";
    }

    @Override
    public String name() {
        return "pipedrive";
    }

    @Override
    public CrmAccount getAccount(String accountId) {
        requireId(accountId, "organization");
        return account(record(get("/api/v2/organizations/" + accountId, Map.of()), "organization", accountId));
    }

    @Override
    public CrmOpportunity getOpportunity(String opportunityId) {
        requireId(opportunityId, "deal");
        return deal(record(get("/api/v2/deals/" + opportunityId, Map.of()), "deal", opportunityId));
    }

    @Override
    public Page<CrmAccount> searchAccounts(AccountFilters f, int limit, String cursor) {
        int n = clamp(limit, MAX_LIMIT);
        Predicate<CrmAccount> keep = a -> matches(f.industry(), a.industry()) && matches(f.region(), a.region());
        boolean filteredHere = f.industry() != null || f.region() != null;
        if (f.name() != null && !f.name().isBlank()) {
            String term = f.name().strip();
            if (term.length() < 2) {
                throw new CrmException(CrmException.Kind.INVALID_REQUEST, "Pipedrive searches names of at least 2 characters");
            }
            int size = Math.min(MAX_SEARCH_LIMIT, filteredHere ? Math.max(n, FILTERED_PAGE) : n);
            return PipedrivePager.page((c, s) -> searchOrganizations(term, c, s), keep, CrmAccount::id, false, n, size,
                    MAX_VENDOR_PAGES, cursor);
        }
        int size = Math.min(MAX_LIMIT, filteredHere ? Math.max(n, FILTERED_PAGE) : n);
        return PipedrivePager.page((c, s) -> {
            JsonNode r = get("/api/v2/organizations", query("sort_by", "id", "sort_direction", "asc", "limit", s, "cursor", c));
            List<CrmAccount> out = new ArrayList<>();
            r.path("data").forEach(o -> out.add(account(o)));
            return new PipedrivePager.VendorPage<>(out, nextCursor(r));
        }, keep, CrmAccount::id, true, n, size, MAX_VENDOR_PAGES, cursor);
    }

    /** Name search answers ids in {@code data.items[].item}; the records themselves come from one listing by ids. */
    private PipedrivePager.VendorPage<CrmAccount> searchOrganizations(String term, String cursor, int size) {
        JsonNode r = get("/api/v2/organizations/search", query("term", term, "fields", "name", "limit", size, "cursor", cursor));
        List<String> ids = new ArrayList<>();
        for (JsonNode item : r.path("data").path("items")) {
            String id = PipedriveJson.text(item.path("item").path("id"));
            if (id != null) {
                ids.add(id);
            }
        }
        if (ids.isEmpty()) {
            return new PipedrivePager.VendorPage<>(List.of(), nextCursor(r));
        }
        JsonNode full = get("/api/v2/organizations", query("ids", String.join(",", ids), "limit", ids.size()));
        Map<String, CrmAccount> byId = new HashMap<>();
        full.path("data").forEach(o -> byId.put(PipedriveJson.text(o.path("id")), account(o)));
        // Search order (relevance) is kept; ids no longer visible are left out.
        return new PipedrivePager.VendorPage<>(ids.stream().map(byId::get).filter(Objects::nonNull).toList(), nextCursor(r));
    }

    @Override
    public Page<CrmOpportunity> searchOpportunities(OpportunityFilters f, int limit, String cursor) {
        int n = clamp(limit, MAX_LIMIT);
        Map<String, String> q = query("sort_by", "id", "sort_direction", "asc");
        Predicate<CrmOpportunity> keep = o -> true;
        boolean filteredHere = false;
        if (f.stage() != null && !f.stage().isBlank()) {
            String stage = f.stage().strip();
            if (stage.equalsIgnoreCase("Closed Won")) {
                q.put("status", "won");
            } else if (stage.equalsIgnoreCase("Closed Lost")) {
                q.put("status", "lost");
            } else {
                List<Long> ids = stages().idsNamed(stage);
                if (ids.isEmpty()) {
                    throw new CrmException(CrmException.Kind.INVALID_REQUEST, "Pipedrive has no stage called '" + stage
                            + "'; stages are " + stages().known());
                }
                q.put("status", "open");
                if (ids.size() == 1) {
                    q.put("stage_id", String.valueOf(ids.get(0)));
                } else {
                    // The same name in several pipelines: the API takes one stage_id, so the rest is filtered here.
                    keep = o -> o.stage() != null && o.stage().equalsIgnoreCase(stage);
                    filteredHere = true;
                }
            }
        }
        if (f.accountId() != null) {
            q.put("org_id", requireFilterId(f.accountId(), "account_id"));
        }
        if (f.owner() != null) {
            q.put("owner_id", requireFilterId(f.owner(), "owner"));
        }
        LocalDate after = f.closeDateAfter();
        LocalDate before = f.closeDateBefore();
        if (after != null || before != null) {
            // No close-date parameter exists on GET /api/v2/deals: inclusive range, checked here.
            keep = keep.and(o -> o.closeDate() != null && (after == null || !o.closeDate().isBefore(after))
                    && (before == null || !o.closeDate().isAfter(before)));
            filteredHere = true;
        }
        int size = Math.min(MAX_LIMIT, filteredHere ? Math.max(n, FILTERED_PAGE) : n);
        return PipedrivePager.page((c, s) -> {
            Map<String, String> page = new LinkedHashMap<>(q);
            page.put("limit", String.valueOf(s));
            if (c != null) {
                page.put("cursor", c);
            }
            JsonNode r = get("/api/v2/deals", page);
            List<CrmOpportunity> out = new ArrayList<>();
            r.path("data").forEach(d -> out.add(deal(d)));
            return new PipedrivePager.VendorPage<>(out, nextCursor(r));
        }, keep, CrmOpportunity::id, true, n, size, MAX_VENDOR_PAGES, cursor);
    }

    /**
     * Reads the deal, then PATCHes only what differs. Closer's fields map to Pipedrive's: stage to
     * {@code status} (won, lost) or {@code stage_id} (reopening a closed deal), amount to {@code value},
     * close_date to {@code expected_close_date}, name to {@code title}; next_step and qualification_score
     * only to configured custom fields; a 40-character hash is a custom field; any other key is sent as
     * a deal field of that name. All are checked before anything is read or written.
     */
    @Override
    public UpdateResult updateOpportunity(String id, Map<String, Object> updates, String idempotencyKey) {
        requireId(id, "deal");
        Map<String, Object> wanted = new TreeMap<>(updates);
        for (String key : wanted.keySet()) {
            if (customKeyFor(key) == null && (key.equals("next_step") || key.equals("qualification_score"))) {
                throw new CrmException(CrmException.Kind.INVALID_REQUEST, "Pipedrive deals have no '" + key + "' field; set "
                        + (key.equals("next_step") ? "PIPEDRIVE_FIELD_NEXT_STEP" : "PIPEDRIVE_FIELD_QUALIFICATION_SCORE")
                        + " to a deal custom field's key to write it. Supported: stage, amount, close_date, name, a custom field's"
                        + " 40-character key, or a Pipedrive deal field by its API name");
            }
        }
        JsonNode raw = record(get("/api/v2/deals/" + id, Map.of()), "deal", id);
        CrmOpportunity before = deal(raw);
        ObjectNode body = Json.object();
        Map<String, UpdateResult.Change> changes = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : wanted.entrySet()) {
            plan(e.getKey(), e.getValue(), raw, before, body, changes);
        }
        if (changes.isEmpty()) {
            return new UpdateResult(false, Map.of(), before, "nothing to write: the deal already holds these values"
                    + (idempotencyKey == null ? "" : " (an earlier attempt with this idempotency key may have written them)"));
        }
        String path = "/api/v2/deals/" + id;
        JsonNode after = record(parse(http.sendOnce("PATCH", uri(path, Map.of()), auth, Json.write(body)), "PATCH", path), "deal", id);
        return new UpdateResult(true, changes, deal(after), null);
    }

    /** Adds one field to the PATCH body and to {@code changes} when its value differs from the deal's. */
    private void plan(String key, Object value, JsonNode raw, CrmOpportunity before, ObjectNode body,
                      Map<String, UpdateResult.Change> changes) {
        switch (key) {
            case "stage" -> {
                String want = String.valueOf(value).strip();
                String status = PipedriveJson.text(raw.path("status"));
                if (want.equalsIgnoreCase("Closed Won") || want.equalsIgnoreCase("Closed Lost")) {
                    String to = want.equalsIgnoreCase("Closed Won") ? "won" : "lost";
                    if (!to.equals(status)) {
                        body.put("status", to);
                        changes.put(key, new UpdateResult.Change(before.stage(), value));
                    }
                    return;
                }
                JsonNode pipeline = raw.path("pipeline_id");
                Long stageId = stages().idIn(pipeline.isNumber() ? pipeline.asLong() : null, want);
                if (stageId == null) {
                    throw new CrmException(CrmException.Kind.INVALID_REQUEST, "Pipedrive has no stage called '" + want
                            + "'; stages are " + stages().known());
                }
                if (!"open".equals(status) || raw.path("stage_id").asLong(-1) != stageId) {
                    body.put("stage_id", stageId);
                    if (!"open".equals(status)) {
                        body.put("status", "open"); // moving a won or lost deal to a stage reopens it
                    }
                    changes.put(key, new UpdateResult.Change(before.stage(), value));
                }
            }
            case "amount" -> {
                Double to = value instanceof Number num ? Double.valueOf(num.doubleValue()) : PipedriveJson.number(String.valueOf(value));
                if (to == null) {
                    throw new CrmException(CrmException.Kind.INVALID_REQUEST, "amount must be a number, not '" + value + "'");
                }
                if (!Objects.equals(before.amount(), to)) {
                    putNumber(body, "value", to); // v2 refuses numbers sent as strings
                    changes.put(key, new UpdateResult.Change(before.amount(), value));
                }
            }
            case "close_date" -> {
                LocalDate to;
                try {
                    to = value instanceof LocalDate d ? d : LocalDate.parse(String.valueOf(value).strip());
                } catch (DateTimeParseException e) {
                    throw new CrmException(CrmException.Kind.INVALID_REQUEST, "close_date must be a date (YYYY-MM-DD), not '" + value + "'");
                }
                LocalDate from = PipedriveJson.date(raw.path("expected_close_date"));
                if (!to.equals(from)) {
                    body.put("expected_close_date", to.toString());
                    changes.put(key, new UpdateResult.Change(from == null ? null : from.toString(), value));
                }
            }
            case "name" -> {
                String to = String.valueOf(value);
                if (!to.equals(before.name())) {
                    body.put("title", to);
                    changes.put(key, new UpdateResult.Change(before.name(), value));
                }
            }
            default -> {
                String custom = customKeyFor(key);
                JsonNode current = custom != null ? raw.path("custom_fields").path(custom) : raw.path(key);
                JsonNode to = Json.MAPPER.valueToTree(value);
                if (!same(current, to)) {
                    ObjectNode target = custom == null ? body : body.has("custom_fields")
                            ? (ObjectNode) body.get("custom_fields") : body.putObject("custom_fields");
                    target.set(custom == null ? key : custom, to);
                    changes.put(key, new UpdateResult.Change(plain(current), value));
                }
            }
        }
    }

    /** The custom-field key a Closer field or a raw key writes to, or null for a standard deal field. */
    private String customKeyFor(String key) {
        if (key.equals("next_step")) {
            return keys.nextStep();
        }
        if (key.equals("qualification_score")) {
            return keys.qualificationScore();
        }
        return CUSTOM_FIELD_KEY.matcher(key).matches() ? key : null;
    }

    @Override
    public List<CrmContact> listContacts(String accountId) {
        requireId(accountId, "organization");
        List<CrmContact> out = new ArrayList<>();
        String cursor = null;
        for (int pages = 0; pages < MAX_VENDOR_PAGES; pages++) {
            JsonNode r = get("/api/v2/persons", query("org_id", accountId, "limit", MAX_LIMIT, "cursor", cursor));
            for (JsonNode p : r.path("data")) {
                String name = PipedriveJson.text(p.path("name"));
                if (name == null || name.isBlank()) {
                    name = (Objects.toString(PipedriveJson.text(p.path("first_name")), "") + " "
                            + Objects.toString(PipedriveJson.text(p.path("last_name")), "")).strip();
                }
                // job_title is a top-level field only when the company has contact sync; otherwise Pipedrive has no title.
                out.add(new CrmContact(PipedriveJson.text(p.path("id")), name.isBlank() ? null : name,
                        PipedriveJson.text(p.path("job_title")), null, accountId));
            }
            cursor = nextCursor(r);
            if (cursor == null) {
                break;
            }
        }
        return out;
    }

    // --- records -----------------------------------------------------------------------------

    private CrmAccount account(JsonNode o) {
        PipedriveOrgFields fields = orgFields();
        JsonNode custom = o.path("custom_fields");
        JsonNode address = o.path("address");
        // v2 addresses are objects; the state is admin_area_level_1, the country the fallback (as HubSpot's state, then country).
        String region = null;
        if (address.isObject()) {
            region = blankToNull(PipedriveJson.text(address.path("admin_area_level_1")));
            region = region != null ? region : blankToNull(PipedriveJson.text(address.path("country")));
        }
        return new CrmAccount(PipedriveJson.text(o.path("id")), PipedriveJson.text(o.path("name")), fields.industry(custom),
                fields.revenue(custom), fields.employees(custom), region, "pipedrive");
    }

    private CrmOpportunity deal(JsonNode d) {
        String status = PipedriveJson.text(d.path("status"));
        boolean won = "won".equals(status);
        boolean lost = "lost".equals(status);
        JsonNode stageId = d.path("stage_id");
        String stage = won ? "Closed Won" : lost ? "Closed Lost" : stageId.isNumber() ? stages().name(stageId.asLong()) : null;
        LocalDate close = won ? first(PipedriveJson.date(d.path("won_time")), PipedriveJson.date(d.path("close_time")))
                : lost ? first(PipedriveJson.date(d.path("lost_time")), PipedriveJson.date(d.path("close_time")))
                : PipedriveJson.date(d.path("expected_close_date"));
        LocalDate added = PipedriveJson.date(d.path("add_time"));
        // Like HubSpot's, the cycle is counted for closed deals only: an open deal's close date is a forecast.
        Integer cycle = (won || lost) && close != null && added != null ? (int) ChronoUnit.DAYS.between(added, close) : null;
        Double score = keys.qualificationScore() == null ? null : PipedriveJson.number(d.path("custom_fields").path(keys.qualificationScore()));
        return new CrmOpportunity(PipedriveJson.text(d.path("id")), PipedriveJson.text(d.path("title")),
                PipedriveJson.text(d.path("org_id")), stage, PipedriveJson.number(d.path("value")), close, won, won || lost,
                blankToNull(PipedriveJson.text(d.path("lost_reason"))), cycle, PipedriveJson.text(d.path("owner_id")), score);
    }

    // --- metadata, read once ----------------------------------------------------------------

    private PipedriveStages stages() {
        PipedriveStages s = stages;
        if (s == null) {
            synchronized (this) {
                if (stages == null) {
                    PipedriveStages loaded = new PipedriveStages();
                    eachPage("/api/v2/stages", loaded::add);
                    stages = loaded;
                }
                s = stages;
            }
        }
        return s;
    }

    private PipedriveOrgFields orgFields() {
        PipedriveOrgFields f = orgFields;
        if (f == null) {
            synchronized (this) {
                if (orgFields == null) {
                    PipedriveOrgFields loaded = new PipedriveOrgFields();
                    eachPage("/api/v2/organizationFields", loaded::add);
                    loaded.resolve(keys.industry(), keys.revenue(), keys.employees());
                    LOG.info("pipedrive organization fields: {}", loaded.describe());
                    if (!loaded.missing().isEmpty()) {
                        LOG.warn("pipedrive: no organization field found for {}; those account values stay empty (set the key in the"
                                + " environment variable named)", String.join(", ", loaded.missing()));
                    }
                    orgFields = loaded;
                }
                f = orgFields;
            }
        }
        return f;
    }

    private void eachPage(String path, java.util.function.Consumer<JsonNode> each) {
        String cursor = null;
        for (int pages = 0; pages < MAX_VENDOR_PAGES; pages++) {
            JsonNode r = get(path, query("limit", MAX_LIMIT, "cursor", cursor));
            r.path("data").forEach(each);
            cursor = nextCursor(r);
            if (cursor == null) {
                return;
            }
        }
    }

    // --- wire --------------------------------------------------------------------------------

    private JsonNode get(String path, Map<String, String> query) {
        return parse(http.send("GET", uri(path, query), auth, null), "GET", path);
    }

    /**
     * The envelope of a 2xx answer. A body that is not JSON is the vendor misbehaving (a proxy's HTML
     * page, a cut-off answer): UNAVAILABLE, without the body, never a raw parser exception.
     */
    private static JsonNode parse(VendorHttp.Response r, String method, String path) {
        JsonNode root;
        try {
            root = Json.parse(r.body() == null ? "" : r.body());
        } catch (JacksonException e) {
            root = null;
        }
        if (root == null || !root.isObject()) {
            throw new CrmException(CrmException.Kind.UNAVAILABLE, "pipedrive answered " + method + " " + path
                    + " with a body that is not JSON");
        }
        if (root.path("success").isBoolean() && !root.path("success").asBoolean()) {
            throw new CrmException(CrmException.Kind.INVALID_REQUEST, "pipedrive refused " + method + " " + path + ": "
                    + Objects.toString(PipedriveJson.text(root.path("error")), "no reason given"));
        }
        return root;
    }

    /** The record in {@code data}; an answer without one means there is no such record. */
    private static JsonNode record(JsonNode root, String what, String id) {
        JsonNode data = root.path("data");
        if (!data.isObject()) {
            throw new CrmException(CrmException.Kind.NOT_FOUND, "pipedrive has no " + what + " " + id);
        }
        return data;
    }

    private static String nextCursor(JsonNode root) {
        return blankToNull(PipedriveJson.text(root.path("additional_data").path("next_cursor")));
    }

    private URI uri(String path, Map<String, String> query) {
        String q = query.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return URI.create(baseUrl + path + (q.isEmpty() ? "" : "?" + q));
    }

    /** Query parameters from name/value pairs; null values are left out. */
    private static Map<String, String> query(Object... pairs) {
        Map<String, String> q = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                q.put(String.valueOf(pairs[i]), String.valueOf(pairs[i + 1]));
            }
        }
        return q;
    }

    // --- small helpers -----------------------------------------------------------------------

    private static void requireId(String id, String what) {
        if (!PipedriveJson.isId(id)) {
            throw new CrmException(CrmException.Kind.NOT_FOUND, "pipedrive has no " + what + " '" + id
                    + "' (Pipedrive ids are whole numbers)");
        }
    }

    private static String requireFilterId(String id, String filter) {
        if (!PipedriveJson.isId(id.strip())) {
            throw new CrmException(CrmException.Kind.INVALID_REQUEST, filter + " must be a Pipedrive id (a whole number), not '" + id + "'");
        }
        return id.strip();
    }

    private static int clamp(int limit, int max) {
        return Math.max(1, Math.min(limit, max));
    }

    private static boolean matches(String wanted, String actual) {
        return wanted == null || wanted.isBlank() || actual != null && actual.strip().equalsIgnoreCase(wanted.strip());
    }

    private static LocalDate first(LocalDate a, LocalDate b) {
        return a != null ? a : b;
    }

    private static void putNumber(ObjectNode body, String field, double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            body.put(field, (long) v);
        } else {
            body.put(field, v);
        }
    }

    /** Same value, numbers compared as numbers (80000 equals 80000.0). */
    private static boolean same(JsonNode current, JsonNode wanted) {
        boolean absent = current == null || current.isMissingNode() || current.isNull();
        if (absent || wanted.isNull()) {
            return absent && wanted.isNull();
        }
        if (current.isNumber() && wanted.isNumber()) {
            return current.asDouble() == wanted.asDouble();
        }
        return current.equals(wanted);
    }

    private static Object plain(JsonNode n) {
        if (n == null || n.isMissingNode() || n.isNull()) {
            return null;
        }
        if (n.isIntegralNumber()) {
            return n.asLong();
        }
        if (n.isNumber()) {
            return n.asDouble();
        }
        return n.isString() ? n.asString() : Json.MAPPER.convertValue(n, Object.class);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @Override
    public String toString() {
        return "PipedriveAdapter[" + baseUrl + "]";
    }
}
