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
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

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

    /**
     * Custom-field keys (40-character hashes) from configuration. Organization fields, when null, are
     * found by name; the deal fields for Closer's {@code next_step} and {@code qualification_score} have
     * no Pipedrive equivalent and are only written or read when configured.
     */
    public record FieldKeys(String industry, String revenue, String employees, String nextStep, String qualificationScore) {
        public static final FieldKeys NONE = new FieldKeys(null, null, null, null, null);

        public static FieldKeys fromEnvironment(Map<String, String> env) {
            return new FieldKeys(blankToNull(env.get("PIPEDRIVE_FIELD_INDUSTRY")), blankToNull(env.get("PIPEDRIVE_FIELD_REVENUE")),
                    blankToNull(env.get("PIPEDRIVE_FIELD_EMPLOYEES")), blankToNull(env.get("PIPEDRIVE_FIELD_NEXT_STEP")),
                    blankToNull(env.get("PIPEDRIVE_FIELD_QUALIFICATION_SCORE")));
        }
    }

    private final PipedriveApi api;
    private final FieldKeys keys;
    private volatile PipedriveStages stages;
    private volatile PipedriveOrgFields orgFields;

    public PipedriveAdapter(String baseUrl, String token, FieldKeys keys, VendorHttp http) {
        this.api = new PipedriveApi(baseUrl, token, http);
        this.keys = keys == null ? FieldKeys.NONE : keys;
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

    public static String baseUrl(Map<String, String> env) {
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
        return account(PipedriveApi.record(api.get("/api/v2/organizations/" + accountId, Map.of()), "organization", accountId));
    }

    @Override
    public CrmOpportunity getOpportunity(String opportunityId) {
        requireId(opportunityId, "deal");
        return deal(PipedriveApi.record(api.get("/api/v2/deals/" + opportunityId, Map.of()), "deal", opportunityId));
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
            JsonNode r = api.get("/api/v2/organizations", PipedriveApi.query("sort_by", "id", "sort_direction", "asc", "limit", s, "cursor", c));
            List<CrmAccount> out = new ArrayList<>();
            r.path("data").forEach(o -> out.add(account(o)));
            return new PipedrivePager.VendorPage<>(out, PipedriveApi.nextCursor(r));
        }, keep, CrmAccount::id, true, n, size, MAX_VENDOR_PAGES, cursor);
    }

    /** Name search answers ids in {@code data.items[].item}; the records themselves come from one listing by ids. */
    private PipedrivePager.VendorPage<CrmAccount> searchOrganizations(String term, String cursor, int size) {
        JsonNode r = api.get("/api/v2/organizations/search", PipedriveApi.query("term", term, "fields", "name", "limit", size, "cursor", cursor));
        List<String> ids = new ArrayList<>();
        for (JsonNode item : r.path("data").path("items")) {
            String id = PipedriveJson.text(item.path("item").path("id"));
            if (id != null) {
                ids.add(id);
            }
        }
        if (ids.isEmpty()) {
            return new PipedrivePager.VendorPage<>(List.of(), PipedriveApi.nextCursor(r));
        }
        JsonNode full = api.get("/api/v2/organizations", PipedriveApi.query("ids", String.join(",", ids), "limit", ids.size()));
        Map<String, CrmAccount> byId = new HashMap<>();
        full.path("data").forEach(o -> byId.put(PipedriveJson.text(o.path("id")), account(o)));
        // Search order (relevance) is kept; ids no longer visible are left out.
        return new PipedrivePager.VendorPage<>(ids.stream().map(byId::get).filter(Objects::nonNull).toList(), PipedriveApi.nextCursor(r));
    }

    @Override
    public Page<CrmOpportunity> searchOpportunities(OpportunityFilters f, int limit, String cursor) {
        int n = clamp(limit, MAX_LIMIT);
        Map<String, String> q = PipedriveApi.query("sort_by", "id", "sort_direction", "asc");
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
            JsonNode r = api.get("/api/v2/deals", page);
            List<CrmOpportunity> out = new ArrayList<>();
            r.path("data").forEach(d -> out.add(deal(d)));
            return new PipedrivePager.VendorPage<>(out, PipedriveApi.nextCursor(r));
        }, keep, CrmOpportunity::id, true, n, size, MAX_VENDOR_PAGES, cursor);
    }

    /**
     * Reads the deal, then PATCHes only what differs ({@link PipedriveDealUpdate} maps the fields);
     * nothing differs, nothing is written. Unsupported fields are refused before anything is read.
     */
    @Override
    public UpdateResult updateOpportunity(String id, Map<String, Object> updates, String idempotencyKey) {
        requireId(id, "deal");
        Map<String, Object> wanted = new TreeMap<>(updates);
        PipedriveDealUpdate.checkSupported(wanted.keySet(), keys);
        String path = "/api/v2/deals/" + id;
        JsonNode raw = PipedriveApi.record(api.get(path, Map.of()), "deal", id);
        CrmOpportunity before = deal(raw);
        PipedriveDealUpdate update = new PipedriveDealUpdate(raw, before, keys, this::stages);
        wanted.forEach(update::add);
        if (update.changes().isEmpty()) {
            return new UpdateResult(true, Map.of(), before, "the deal already held these values; nothing was written");
        }
        JsonNode after = PipedriveApi.record(api.patch(path, update.body()), "deal", id);
        return new UpdateResult(true, update.changes(), deal(after), null);
    }

    @Override
    public List<CrmContact> listContacts(String accountId) {
        requireId(accountId, "organization");
        List<CrmContact> out = new ArrayList<>();
        String cursor = null;
        for (int pages = 0; pages < MAX_VENDOR_PAGES; pages++) {
            JsonNode r = api.get("/api/v2/persons", PipedriveApi.query("org_id", accountId, "limit", MAX_LIMIT, "cursor", cursor));
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
            cursor = PipedriveApi.nextCursor(r);
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
                    api.each("/api/v2/stages", loaded::add, MAX_VENDOR_PAGES);
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
                    api.each("/api/v2/organizationFields", loaded::add, MAX_VENDOR_PAGES);
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

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @Override
    public String toString() {
        return "PipedriveAdapter[" + api + "]";
    }
}
