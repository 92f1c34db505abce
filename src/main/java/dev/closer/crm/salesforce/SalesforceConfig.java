package dev.closer.crm.salesforce;

import java.net.URI;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How Closer signs in to Salesforce, read from the environment. The username-password flow (the
 * guide's: SALESFORCE_USERNAME, SALESFORCE_PASSWORD, SALESFORCE_SECURITY_TOKEN appended to the
 * password, and the connected app's SALESFORCE_CLIENT_ID / SALESFORCE_CLIENT_SECRET) is used when a
 * username is set; otherwise the client-credentials flow (client id and secret alone), which
 * Salesforce only serves on the org's My Domain URL, so SALESFORCE_LOGIN_URL must be that URL.
 * A malformed login URL or API version fails fast. {@link #toString()} never shows a secret.
 */
public record SalesforceConfig(String loginUrl, String apiVersion, String clientId, String clientSecret,
                               String username, String password, String securityToken) {

    public static final String DEFAULT_LOGIN_URL = "https://login.salesforce.com";
    public static final String DEFAULT_API_VERSION = "v66.0";

    private static final Logger LOG = LoggerFactory.getLogger(SalesforceConfig.class);
    private static final Pattern VERSION = Pattern.compile("v?\\d{2,3}\\.\\d");

    public SalesforceConfig {
        loginUrl = loginUrl == null || loginUrl.isBlank() ? DEFAULT_LOGIN_URL : loginUrl.strip().replaceAll("/+$", "");
        String scheme = URI.create(loginUrl).getScheme();
        if (!"https".equals(scheme) && !"http".equals(scheme)) {
            throw new IllegalArgumentException("SALESFORCE_LOGIN_URL must be an http(s) URL");
        }
        apiVersion = apiVersion == null || apiVersion.isBlank() ? DEFAULT_API_VERSION : apiVersion.strip();
        if (!VERSION.matcher(apiVersion).matches()) {
            throw new IllegalArgumentException("SALESFORCE_API_VERSION must look like v66.0, not '" + apiVersion + "'");
        }
        apiVersion = apiVersion.startsWith("v") ? apiVersion : "v" + apiVersion;
    }

    /**
     * The configuration the environment describes, or null when it names no Salesforce credentials
     * (or only part of a flow's, which is logged: Closer then runs without Salesforce).
     */
    public static SalesforceConfig fromEnvironment(Map<String, String> env) {
        String clientId = value(env, "SALESFORCE_CLIENT_ID");
        String clientSecret = value(env, "SALESFORCE_CLIENT_SECRET");
        String username = value(env, "SALESFORCE_USERNAME");
        String password = value(env, "SALESFORCE_PASSWORD");
        if (username == null && clientId == null && clientSecret == null) {
            return null;
        }
        if (username != null && (password == null || clientId == null || clientSecret == null)) {
            LOG.warn("SALESFORCE_USERNAME is set, but the username-password flow also needs SALESFORCE_PASSWORD,"
                    + " SALESFORCE_CLIENT_ID and SALESFORCE_CLIENT_SECRET; running without Salesforce");
            return null;
        }
        if (clientId == null || clientSecret == null) {
            LOG.warn("the client-credentials flow needs both SALESFORCE_CLIENT_ID and SALESFORCE_CLIENT_SECRET;"
                    + " running without Salesforce");
            return null;
        }
        return new SalesforceConfig(value(env, "SALESFORCE_LOGIN_URL"), value(env, "SALESFORCE_API_VERSION"), clientId,
                clientSecret, username, password, value(env, "SALESFORCE_SECURITY_TOKEN"));
    }

    /** The username-password flow, chosen whenever a username is set. */
    public boolean passwordFlow() {
        return username != null;
    }

    /** Salesforce's shared login hosts, which do not serve the client-credentials flow. */
    boolean genericLoginHost() {
        String host = URI.create(loginUrl).getHost();
        return "login.salesforce.com".equals(host) || "test.salesforce.com".equals(host);
    }

    private static String value(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    @Override
    public String toString() {
        return "SalesforceConfig[loginUrl=" + loginUrl + ", apiVersion=" + apiVersion + ", flow="
                + (passwordFlow() ? "password, username=" + username : "client_credentials") + "]";
    }
}
