package dev.closer.crm.salesforce;

import dev.closer.crm.CrmException;
import dev.closer.crm.http.VendorHttp;
import dev.closer.tool.Json;
import java.time.Clock;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * How Salesforce says no. The REST API answers with an array {@code [{"message", "errorCode",
 * "fields"}]}; the OAuth token endpoint with {@code {"error", "error_description"}}. The daily API
 * limit is a 403 {@code REQUEST_LIMIT_EXCEEDED}, which is a rate limit, not an authorization
 * failure. There is no wait hint: Salesforce sends no Retry-After, and its limit is a rolling
 * 24-hour count ({@code Sforce-Limit-Info: api-usage=N/M}), so nothing in a refusal says how long
 * to wait; VendorHttp's backoff applies.
 */
public final class SalesforceRules implements VendorHttp.Rules {

    private static final int MAX_MESSAGE = 300;

    /** A VendorHttp for Salesforce: the given resilience settings with these rules. */
    public static VendorHttp http(VendorHttp.Settings settings, VendorHttp.Sleeper sleeper, Clock clock) {
        return new VendorHttp("salesforce", settings, sleeper, clock, new SalesforceRules());
    }

    @Override
    public CrmException.Kind classify(VendorHttp.Response r) {
        JsonNode body = parse(r.body());
        if (body.has("error")) {
            // the token endpoint: invalid_grant, invalid_client, unsupported_grant_type ...
            return r.status() >= 500 ? null : CrmException.Kind.AUTH;
        }
        String code = body.path(0).path("errorCode").asString("");
        return switch (code) {
            case "REQUEST_LIMIT_EXCEEDED" -> CrmException.Kind.RATE_LIMITED;
            case "INVALID_SESSION_ID", "INVALID_AUTH_HEADER", "API_DISABLED_FOR_ORG", "API_CURRENTLY_DISABLED",
                 "INVALID_OPERATION_WITH_EXPIRED_PASSWORD" -> CrmException.Kind.AUTH;
            case "NOT_FOUND", "ENTITY_IS_DELETED" -> CrmException.Kind.NOT_FOUND;
            case "MALFORMED_QUERY", "INVALID_FIELD", "INVALID_TYPE", "MALFORMED_ID", "INVALID_QUERY_FILTER_OPERATOR",
                 "INVALID_QUERY_LOCATOR", "JSON_PARSER_ERROR", "INVALID_FIELD_FOR_INSERT_UPDATE", "STRING_TOO_LONG",
                 "REQUIRED_FIELD_MISSING", "FIELD_CUSTOM_VALIDATION_EXCEPTION", "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
                 "INVALID_CROSS_REFERENCE_KEY", "FIELD_INTEGRITY_EXCEPTION" -> CrmException.Kind.INVALID_REQUEST;
            // a record locked by another transaction, or Salesforce down: nothing was done, worth another try
            case "UNABLE_TO_LOCK_ROW", "SERVER_UNAVAILABLE" -> CrmException.Kind.UNAVAILABLE;
            default -> null;
        };
    }

    @Override
    public String describe(VendorHttp.Response r) {
        JsonNode body = parse(r.body());
        if (body.has("error")) {
            return shorten(body.path("error").asString("") + ": " + body.path("error_description").asString(""));
        }
        JsonNode first = body.path(0);
        if (!first.isObject()) {
            return null;
        }
        String more = body.size() > 1 ? " (and " + (body.size() - 1) + " more)" : "";
        return shorten(first.path("errorCode").asString("?") + ": " + first.path("message").asString("")) + more;
    }

    /** The body as JSON, or an empty node when it is not JSON (an HTML error page from a proxy). */
    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? Json.object() : Json.parse(body);
        } catch (JacksonException e) {
            return Json.object();
        }
    }

    private static String shorten(String s) {
        String line = s.replaceAll("\\s+", " ").strip();
        return line.length() <= MAX_MESSAGE ? line : line.substring(0, MAX_MESSAGE) + "…";
    }
}
