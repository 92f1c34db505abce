package dev.closer.crm.pipedrive;

import dev.closer.crm.CrmException;
import dev.closer.crm.http.VendorHttp;
import dev.closer.tool.Json;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Pipedrive's v2 wire: the {@code x-api-token} header, query strings, and the envelope every answer
 * comes in ({@code {"success", "data", "additional_data": {"next_cursor"}}}). All calls go through
 * {@link VendorHttp}: reads with retries, the PATCH once.
 */
final class PipedriveApi {

    private final String baseUrl;
    /** Only ever sent as a header; never part of a message, a URI or a toString. */
    private final Map<String, String> auth;
    private final VendorHttp http;

    PipedriveApi(String baseUrl, String token, VendorHttp http) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.auth = Map.of("x-api-token", token, "Accept", "application/json");
        this.http = http;
    }

    JsonNode get(String path, Map<String, String> query) {
        return parse(http.send("GET", uri(path, query), auth, null), "GET", path);
    }

    /** Sent once: a timeout or reset may have applied it, so it is reported, never repeated. */
    JsonNode patch(String path, JsonNode body) {
        return parse(http.sendOnce("PATCH", uri(path, Map.of()), auth, Json.write(body)), "PATCH", path);
    }

    /** Every record of a small listing (stages, fields), page by page, up to {@code maxPages} pages of 500. */
    void each(String path, Consumer<JsonNode> each, int maxPages) {
        String cursor = null;
        for (int pages = 0; pages < maxPages; pages++) {
            JsonNode r = get(path, query("limit", PipedriveAdapter.MAX_LIMIT, "cursor", cursor));
            r.path("data").forEach(each);
            cursor = nextCursor(r);
            if (cursor == null) {
                return;
            }
        }
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
    static JsonNode record(JsonNode root, String what, String id) {
        JsonNode data = root.path("data");
        if (!data.isObject()) {
            throw new CrmException(CrmException.Kind.NOT_FOUND, "pipedrive has no " + what + " " + id);
        }
        return data;
    }

    static String nextCursor(JsonNode root) {
        String next = PipedriveJson.text(root.path("additional_data").path("next_cursor"));
        return next == null || next.isBlank() ? null : next;
    }

    /** Query parameters from name/value pairs; null values are left out. */
    static Map<String, String> query(Object... pairs) {
        Map<String, String> q = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                q.put(String.valueOf(pairs[i]), String.valueOf(pairs[i + 1]));
            }
        }
        return q;
    }

    private URI uri(String path, Map<String, String> query) {
        String q = query.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return URI.create(baseUrl + path + (q.isEmpty() ? "" : "?" + q));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return baseUrl;
    }
}
