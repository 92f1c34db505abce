package dev.closer.policy;

import dev.closer.tool.ToolException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Trace ids: the caller's, when it is a sane token (so logs cannot be forged with newlines), or
 * a fresh random one. W3C {@code traceparent} headers contribute their trace-id part.
 */
public final class TraceIds {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:@/+=-]{1,128}");
    private static final Pattern TRACEPARENT = Pattern.compile("^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$");
    /** Created on first use: seeding costs start-up time that most stdio sessions never need. */
    private static final class Random {
        static final SecureRandom INSTANCE = new SecureRandom();
    }

    /** The caller's id if given and valid, a new one if absent; INVALID_INPUT if given but unusable. */
    public String resolve(String given) {
        if (given == null || given.isEmpty()) {
            return generate();
        }
        if (!SAFE.matcher(given).matches()) {
            throw ToolException.invalid("/context/trace_id",
                    "must be 1-128 characters of letters, digits and . _ : @ / + = -");
        }
        return given;
    }

    public String generate() {
        byte[] b = new byte[16];
        Random.INSTANCE.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** The trace-id part of a W3C traceparent header, or null if the header is absent or malformed. */
    public static String fromTraceparent(String header) {
        if (header == null) {
            return null;
        }
        var m = TRACEPARENT.matcher(header.strip());
        return m.matches() ? m.group(1) : null;
    }
}
