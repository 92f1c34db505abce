package dev.closer.server.http;

import dev.closer.tool.Caller;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides who an HTTP request comes from and whether it may come at all: the Host and Origin
 * headers must name this server (the MCP spec's DNS-rebinding rule), and when bearer tokens are
 * configured ({@code CLOSER_TOKEN_<PROFILE>}) a request must carry one; the token grants only its
 * profile. Without tokens (allowed only on loopback) the local user may use every profile.
 */
public final class AccessGuard {

    private final Set<String> allowedHosts;
    private final Map<String, String> tokenToProfile;

    public AccessGuard(Set<String> allowedHosts, Map<String, String> tokenToProfile) {
        this.allowedHosts = Set.copyOf(allowedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList());
        this.tokenToProfile = Map.copyOf(tokenToProfile);
    }

    /** Tokens from the environment: CLOSER_TOKEN_SALES=... grants profile "sales". */
    public static Map<String, String> tokensFrom(Map<String, String> env) {
        Map<String, String> out = new java.util.HashMap<>();
        env.forEach((k, v) -> {
            if (k.startsWith("CLOSER_TOKEN_") && v != null && !v.isBlank()) {
                out.put(v.strip(), k.substring("CLOSER_TOKEN_".length()).toLowerCase(Locale.ROOT).replace('_', '-'));
            }
        });
        return out;
    }

    public boolean requiresTokens() {
        return !tokenToProfile.isEmpty();
    }

    /** A refusal: HTTP status, error code and message. */
    public record Denial(int status, String code, String message) {
    }

    /** Null when Host and Origin are acceptable, else why not. */
    public Denial checkOrigin(String host, String origin) {
        if (host == null || !allowedHosts.contains(hostOnly(host))) {
            return new Denial(403, "HOST_NOT_ALLOWED", "the Host header does not name this server");
        }
        if (origin != null && !origin.isEmpty() && !"null".equals(origin)) {
            try {
                String originHost = URI.create(origin).getHost();
                if (originHost == null || !allowedHosts.contains(originHost.toLowerCase(Locale.ROOT).replace("[", "").replace("]", ""))) {
                    return new Denial(403, "ORIGIN_NOT_ALLOWED", "requests from origin " + origin + " are not allowed");
                }
            } catch (IllegalArgumentException e) {
                return new Denial(403, "ORIGIN_NOT_ALLOWED", "the Origin header is malformed");
            }
        } else if ("null".equals(origin)) {
            return new Denial(403, "ORIGIN_NOT_ALLOWED", "opaque origins are not allowed");
        }
        return null;
    }

    /** The caller for an Authorization header, or empty if tokens are required and this one is not valid. */
    public Optional<Caller> caller(String authorization, String door) {
        if (!requiresTokens()) {
            return Optional.of(Caller.local(door));
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        byte[] given = authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        String granted = null;
        for (Map.Entry<String, String> e : tokenToProfile.entrySet()) {
            // constant-time comparison, and no early exit, so timing does not reveal a token
            if (MessageDigest.isEqual(given, e.getKey().getBytes(StandardCharsets.UTF_8))) {
                granted = e.getValue();
            }
        }
        return granted == null ? Optional.empty() : Optional.of(new Caller(door, Set.of(granted)));
    }

    static String hostOnly(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end > 0 ? h.substring(1, end) : h;
        }
        int colon = h.lastIndexOf(':');
        return colon > 0 && h.indexOf(':') == colon ? h.substring(0, colon) : h;
    }
}
