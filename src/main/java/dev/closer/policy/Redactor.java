package dev.closer.policy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Removes secrets from results, errors, log lines and audit rows.
 *
 * <p>A key is secret when one of its words (split on snake, camel and kebab case) is a secret word,
 * so {@code api_key}, {@code accessToken}, {@code X-Auth-Token} and {@code client_secret} are
 * redacted while {@code authority} (BANT) and {@code max_tokens} stay. A value is secret when it
 * looks like one (Bearer credentials, JWTs, PEM keys, sk-, AKIA, ghp_, xox?- tokens) or contains a
 * secret this process knows (its own tokens and vendor credentials, whatever their shape).
 */
public final class Redactor {

    public static final String MASK = "[REDACTED]";

    private static final Set<String> SECRET_WORDS = Set.of("secret", "secrets", "token", "password", "passwd",
            "apikey", "authorization", "credential", "credentials", "cookie", "cookies", "passphrase");
    /** Two-word secrets: the pair must be adjacent (api_key, private_key, session_id). */
    private static final Set<String> SECRET_PAIRS = Set.of("api key", "private key", "session id", "access key",
            "secret key", "client secret", "refresh token", "access token");

    private static final List<Pattern> BUILT_IN_VALUES = List.of(
            Pattern.compile("(?i)\\bbearer\\s+[A-Za-z0-9._~+/=-]{8,}"),
            Pattern.compile("\\beyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*"),
            Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----[\\s\\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)"),
            Pattern.compile("\\bsk-(?:ant-|proj-)?[A-Za-z0-9_-]{16,}"),
            Pattern.compile("\\bAKIA[0-9A-Z]{16}\\b"),
            Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{20,}"),
            Pattern.compile("\\bxox[abposr]-[A-Za-z0-9-]{10,}"));
    /** Cheap markers: a string without any of them (and without a known secret) skips the regexes. */
    private static final String[] MARKERS = {"earer", "EARER", "eyJ", "-----BEGIN", "sk-", "AKIA", "gh", "xox"};

    private static final int KEY_CACHE_LIMIT = 10_000;

    /** Field names repeat endlessly (the schemas' vocabulary), so their verdicts are remembered. */
    private final Map<String, Boolean> keyVerdicts = new java.util.concurrent.ConcurrentHashMap<>();
    private final Set<String> extraWords;
    private final List<Pattern> extraValues;
    private final List<String> knownSecrets;

    public Redactor(Collection<String> extraKeyWords, Collection<String> extraValuePatterns, Collection<String> knownSecrets) {
        this.extraWords = Set.copyOf(extraKeyWords.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList());
        this.extraValues = extraValuePatterns.stream().map(Pattern::compile).toList();
        this.knownSecrets = knownSecrets.stream().filter(s -> s != null && s.length() >= 6).distinct().toList();
    }

    public static Redactor builtIn() {
        return new Redactor(List.of(), List.of(), List.of());
    }

    /** This redactor plus a profile's additions. */
    public Redactor with(Collection<String> keyWords, Collection<String> valuePatterns) {
        List<String> words = new ArrayList<>(extraWords);
        words.addAll(keyWords);
        List<String> values = new ArrayList<>(extraValues.stream().map(Pattern::pattern).toList());
        values.addAll(valuePatterns);
        return new Redactor(words, values, knownSecrets);
    }

    /** This redactor, also masking {@code secrets} (e.g. values a caller passed under secret keys). */
    public Redactor withKnownSecrets(Collection<String> secrets) {
        List<String> all = new ArrayList<>(knownSecrets);
        all.addAll(secrets);
        return new Redactor(extraWords, extraValues.stream().map(Pattern::pattern).toList(), all);
    }

    /** The string values found under secret keys anywhere in {@code node}. */
    public List<String> secretValues(JsonNode node) {
        List<String> out = new ArrayList<>();
        collectSecrets(node, out);
        return out;
    }

    private void collectSecrets(JsonNode node, List<String> out) {
        if (node instanceof ObjectNode obj) {
            for (Map.Entry<String, JsonNode> e : obj.properties()) {
                if (isSecretKey(e.getKey()) && e.getValue().isString()) {
                    out.add(e.getValue().asString());
                } else if (e.getValue().isContainer()) {
                    collectSecrets(e.getValue(), out);
                }
            }
        } else if (node instanceof ArrayNode arr) {
            arr.forEach(v -> collectSecrets(v, out));
        }
    }

    /**
     * Secrets this process holds, taken from environment variables whose names are secret keys
     * (CLOSER_TOKEN_SALES, HUBSPOT_ACCESS_TOKEN, SALESFORCE_PASSWORD, ...), so that they are caught
     * even when their shape looks harmless.
     */
    public static List<String> secretsIn(Map<String, String> env) {
        Redactor probe = builtIn();
        return env.entrySet().stream().filter(e -> probe.isSecretKey(e.getKey())).map(Map.Entry::getValue).toList();
    }

    public boolean isSecretKey(String key) {
        Boolean known = keyVerdicts.get(key);
        if (known != null) {
            return known;
        }
        boolean secret = classify(key);
        if (keyVerdicts.size() < KEY_CACHE_LIMIT) {
            keyVerdicts.put(key, secret);
        }
        return secret;
    }

    private boolean classify(String key) {
        List<String> words = words(key);
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (SECRET_WORDS.contains(w) || extraWords.contains(w)) {
                return true;
            }
            if (i + 1 < words.size() && SECRET_PAIRS.contains(w + " " + words.get(i + 1))) {
                return true;
            }
        }
        return false;
    }

    /** Splits {@code X-Auth-Token}, {@code accessToken}, {@code client_secret} into lower-case words. */
    static List<String> words(String key) {
        List<String> out = new ArrayList<>(4);
        StringBuilder w = new StringBuilder();
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                flush(w, out);
                continue;
            }
            boolean boundary = Character.isUpperCase(c) && i > 0 && Character.isLowerCase(key.charAt(i - 1));
            if (boundary) {
                flush(w, out);
            }
            w.append(Character.toLowerCase(c));
        }
        flush(w, out);
        return out;
    }

    private static void flush(StringBuilder w, List<String> out) {
        if (w.length() > 0) {
            out.add(w.toString());
            w.setLength(0);
        }
    }

    /** Redacts secret values inside free text (log lines, error messages). */
    public String redactText(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : knownSecrets) {
            if (out.contains(secret)) {
                out = out.replace(secret, MASK);
            }
        }
        if (hasMarker(out)) {
            for (Pattern p : BUILT_IN_VALUES) {
                out = replace(p, out);
            }
        }
        for (Pattern p : extraValues) {
            out = replace(p, out);
        }
        return out;
    }

    private static String replace(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? m.replaceAll(MASK) : text;
    }

    private static boolean hasMarker(String s) {
        for (String m : MARKERS) {
            if (s.contains(m)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Redacts a JSON tree in place (secret keys masked, secret-looking values masked) and returns
     * it. A node referenced from many places (a large result shares its repeated parts) is walked
     * once: redaction is idempotent, so a second visit could change nothing.
     */
    public JsonNode redact(JsonNode node) {
        redact(node, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
        return node;
    }

    private void redact(JsonNode node, java.util.Set<JsonNode> seen) {
        if (!node.isContainer() || !seen.add(node)) {
            return;
        }
        if (node instanceof ObjectNode obj) {
            for (Map.Entry<String, JsonNode> e : obj.properties()) {
                JsonNode v = e.getValue();
                if (isSecretKey(e.getKey()) && !v.isNull() && !(v.isString() && v.asString().isEmpty())) {
                    e.setValue(StringNode.valueOf(MASK));
                } else if (v.isString()) {
                    String r = redactText(v.asString());
                    if (!r.equals(v.asString())) {
                        e.setValue(StringNode.valueOf(r));
                    }
                } else if (v.isContainer()) {
                    redact(v, seen);
                }
            }
        } else if (node instanceof ArrayNode arr) {
            for (int i = 0; i < arr.size(); i++) {
                JsonNode v = arr.get(i);
                if (v.isString()) {
                    String r = redactText(v.asString());
                    if (!r.equals(v.asString())) {
                        arr.set(i, StringNode.valueOf(r));
                    }
                } else if (v.isContainer()) {
                    redact(v, seen);
                }
            }
        }
    }
}
