package dev.closer.crm.salesforce;

import dev.closer.crm.CrmException;
import dev.closer.crm.http.VendorHttp;
import dev.closer.tool.Json;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Salesforce REST calls under {@code /services/data/vXX.X} on the session's instance: reads through
 * {@link VendorHttp#send} (retried), writes through {@link VendorHttp#sendOnce}. A 401 (Salesforce's
 * INVALID_SESSION_ID: the session expired) signs in again once and repeats the call, which is safe
 * even for a write because a 401 means it was not processed; a second 401 is AUTH. Bodies that are
 * not JSON become UNAVAILABLE, not a parser exception. The org's API usage
 * ({@code Sforce-Limit-Info}) is watched and logged once it passes 90%. No message leaves this class
 * holding a credential or the access token, even if Salesforce echoed one.
 */
final class SalesforceApi {

    private static final Logger LOG = LoggerFactory.getLogger(SalesforceApi.class);
    private static final Pattern USAGE = Pattern.compile("api-usage=(\\d+)/(\\d+)");

    private final SalesforceConfig config;
    private final SalesforceSession session;
    private final VendorHttp http;
    private volatile boolean usageHigh;

    SalesforceApi(SalesforceConfig config, VendorHttp http) {
        this.config = config;
        this.http = http;
        this.session = new SalesforceSession(config, http);
    }

    /** GET {@code path} (below /services/data/vXX.X) as JSON. */
    JsonNode get(String path) {
        String full = data(path);
        return json("GET", full, call("GET", full, null, false));
    }

    /** PATCH {@code path} with {@code body}, sent once (Salesforce answers 204 No Content). */
    void patch(String path, JsonNode body) {
        call("PATCH", data(path), Json.write(body), true);
    }

    /**
     * Runs a SOQL query and returns up to {@code max} records, following {@code nextRecordsUrl} when
     * Salesforce splits the result into batches.
     */
    List<JsonNode> query(String soql, int max) {
        String path = data("/query?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8));
        List<JsonNode> records = new ArrayList<>();
        while (true) {
            JsonNode batch = json("GET", "/query", call("GET", path, null, false));
            batch.path("records").forEach(records::add);
            String next = batch.path("nextRecordsUrl").asString(null);
            if (batch.path("done").asBoolean(true) || next == null || records.size() >= max) {
                return records.size() > max ? records.subList(0, max) : records;
            }
            if (!next.startsWith("/services/data/")) {
                throw new CrmException(CrmException.Kind.UNAVAILABLE, "salesforce sent an unexpected nextRecordsUrl");
            }
            path = next;
        }
    }

    private String data(String path) {
        return "/services/data/" + config.apiVersion() + path;
    }

    private VendorHttp.Response call(String method, String path, String body, boolean once) {
        try {
            SalesforceSession.Token token = session.current();
            try {
                return send(token, method, path, body, once);
            } catch (VendorHttp.Refused e) {
                if (e.status() != 401) {
                    throw e;
                }
                LOG.info("salesforce session expired or was revoked; signing in again");
                return send(session.renew(token), method, path, body, once);
            }
        } catch (CrmException e) {
            throw scrubbed(e);
        }
    }

    private VendorHttp.Response send(SalesforceSession.Token token, String method, String path, String body, boolean once) {
        URI uri = URI.create(token.instanceUrl() + path);
        Map<String, String> headers = Map.of("Authorization", "Bearer " + token.accessToken(), "Accept", "application/json");
        VendorHttp.Response r = once ? http.sendOnce(method, uri, headers, body) : http.send(method, uri, headers, body);
        watchUsage(r.header("Sforce-Limit-Info"));
        return r;
    }

    private static JsonNode json(String method, String path, VendorHttp.Response r) {
        try {
            return Json.parse(r.body());
        } catch (JacksonException e) {
            String where = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
            throw new CrmException(CrmException.Kind.UNAVAILABLE, "salesforce answered " + method + " " + where
                    + " with a body that is not valid JSON");
        }
    }

    /** Warns once when the org's daily API usage passes 90%, and again after it has dropped below and risen. */
    private void watchUsage(String limitInfo) {
        Matcher m = limitInfo == null ? null : USAGE.matcher(limitInfo);
        if (m == null || !m.find()) {
            return;
        }
        long used = Long.parseLong(m.group(1));
        long limit = Long.parseLong(m.group(2));
        boolean high = limit > 0 && used * 10 > limit * 9;
        if (high && !usageHigh) {
            LOG.warn("salesforce API usage is at {} of the org's {} daily requests ({}%); at the limit every call is refused"
                    + " with REQUEST_LIMIT_EXCEEDED", used, limit, used * 100 / limit);
        }
        usageHigh = high;
    }

    /** The same failure with any credential or the access token masked (Salesforce should never echo one; if it does ...). */
    private CrmException scrubbed(CrmException e) {
        String message = String.valueOf(e.getMessage());
        String clean = message;
        for (String secret : new String[]{session.accessToken(), config.clientSecret(), config.password(), config.securityToken()}) {
            if (secret != null && secret.length() >= 4) {
                clean = clean.replace(secret, "[redacted]").replace(URLEncoder.encode(secret, StandardCharsets.UTF_8), "[redacted]");
            }
        }
        return clean.equals(message) ? e : new CrmException(e.kind(), clean);
    }
}
