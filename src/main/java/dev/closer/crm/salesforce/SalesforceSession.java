package dev.closer.crm.salesforce;

import dev.closer.crm.CrmException;
import dev.closer.crm.http.VendorHttp;
import dev.closer.tool.Json;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * An OAuth 2.0 session with Salesforce: a form POST to {@code {login url}/services/oauth2/token}
 * (grant_type=password or client_credentials) whose answer carries the access token and the
 * {@code instance_url} every API call goes to. Fetched on first use and again only when an API call
 * is refused as expired ({@link #renew}); concurrent callers that saw the same expired token share
 * one renewal. A refused sign-in is AUTH; its message never holds a credential.
 */
final class SalesforceSession {

    /** A signed-in session; {@link #toString()} hides the token. */
    record Token(String accessToken, String instanceUrl) {
        @Override
        public String toString() {
            return "Token[instanceUrl=" + instanceUrl + "]";
        }
    }

    private final SalesforceConfig config;
    private final VendorHttp http;
    private volatile Token current;

    SalesforceSession(SalesforceConfig config, VendorHttp http) {
        this.config = config;
        this.http = http;
    }

    Token current() {
        Token t = current;
        if (t != null) {
            return t;
        }
        synchronized (this) {
            if (current == null) {
                current = signIn();
            }
            return current;
        }
    }

    /** A new session in place of {@code expired}, unless another caller has already replaced it. */
    synchronized Token renew(Token expired) {
        if (current == null || current == expired) {
            current = null;
            current = signIn();
        }
        return current;
    }

    /** The access token in use, if any (so error messages can be checked for it). */
    String accessToken() {
        Token t = current;
        return t == null ? null : t.accessToken();
    }

    private Token signIn() {
        Map<String, String> form = new LinkedHashMap<>();
        if (config.passwordFlow()) {
            form.put("grant_type", "password");
            form.put("client_id", config.clientId());
            form.put("client_secret", config.clientSecret());
            form.put("username", config.username());
            form.put("password", config.password() + (config.securityToken() == null ? "" : config.securityToken()));
        } else {
            form.put("grant_type", "client_credentials");
            form.put("client_id", config.clientId());
            form.put("client_secret", config.clientSecret());
        }
        String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        VendorHttp.Response r;
        try {
            r = http.send("POST", URI.create(config.loginUrl() + "/services/oauth2/token"),
                    Map.of("Content-Type", "application/x-www-form-urlencoded", "Accept", "application/json"), body);
        } catch (CrmException e) {
            if (e.kind() == CrmException.Kind.AUTH && !config.passwordFlow() && config.genericLoginHost()) {
                throw new CrmException(CrmException.Kind.AUTH, e.getMessage() + " (the client-credentials flow needs the org's"
                        + " My Domain URL as SALESFORCE_LOGIN_URL, not " + config.loginUrl() + ")");
            }
            throw e;
        }
        JsonNode answer;
        try {
            answer = Json.parse(r.body());
        } catch (JacksonException e) {
            throw new CrmException(CrmException.Kind.UNAVAILABLE, "salesforce's token endpoint answered with something that is not JSON");
        }
        String token = answer.path("access_token").asString(null);
        String instance = answer.path("instance_url").asString(null);
        if (token == null || token.isBlank() || instance == null || !instance.matches("https?://[^\\s/]+(/.*)?")) {
            throw new CrmException(CrmException.Kind.AUTH, "salesforce's token endpoint answered without an access token and"
                    + " instance_url");
        }
        return new Token(token, instance.replaceAll("/+$", ""));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
