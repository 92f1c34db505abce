package dev.closer.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The profiles known to this server, parsed from YAML files. A malformed profile stops start-up
 * with the file and field named. {@code AGENT_BUDGET_CEILING}, when set, overrides every
 * profile's ceiling (the operator's hard cap).
 */
public final class ProfileCatalog {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private final Map<String, Profile> profiles;

    public ProfileCatalog(Map<String, Profile> profiles) {
        this.profiles = Map.copyOf(profiles);
    }

    public static ProfileCatalog parse(Map<String, String> files, Long ceilingOverride) {
        Map<String, Profile> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> f : files.entrySet()) {
            Profile p = parseOne(f.getKey(), f.getValue(), ceilingOverride);
            if (out.put(p.name(), p) != null) {
                throw new IllegalStateException("profile " + p.name() + " is defined twice");
            }
        }
        return new ProfileCatalog(out);
    }

    static Profile parseOne(String file, String text, Long ceilingOverride) {
        JsonNode n;
        try {
            n = YAML.readTree(text);
        } catch (RuntimeException e) {
            throw new IllegalStateException("profile " + file + " is not valid YAML: " + e.getMessage());
        }
        unknownKeys(file, n);
        String name = n.path("name").asString("");
        if (!name.matches("[a-z][a-z0-9_-]{0,31}")) {
            throw new IllegalStateException("profile " + file + ": 'name' must be lower-case letters, digits, - or _");
        }
        if (!file.equals(name + ".yaml") && !file.equals(name + ".yml")) {
            throw new IllegalStateException("profile " + file + " declares '" + name + "'; name the file " + name + ".yaml");
        }
        Set<String> tools = new LinkedHashSet<>();
        JsonNode t = n.path("tools");
        if (t.isString()) {
            tools.add(t.asString());
        } else {
            t.values().forEach(v -> tools.add(v.asString()));
        }
        if (tools.isEmpty()) {
            throw new IllegalStateException("profile " + file + ": 'tools' must be \"*\" or a list of tool names");
        }
        long ceiling = n.path("budget").path("ceiling").asLong(-1);
        if (ceiling < 0) {
            throw new IllegalStateException("profile " + file + ": budget.ceiling must be a non-negative integer");
        }
        BudgetWindow window;
        try {
            window = BudgetWindow.parse(n.path("budget").path("window").asString("day"));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("profile " + file + ": " + e.getMessage());
        }
        Map<String, Long> overrides = new LinkedHashMap<>();
        n.path("cost_overrides").properties().forEach(e -> overrides.put(e.getKey(), e.getValue().asLong()));
        return new Profile(name, n.path("description").asString(""), tools, n.path("read_only").asBoolean(false),
                ceilingOverride != null ? ceilingOverride : ceiling, window, overrides,
                crm(file, n.path("crm")),
                strings(n.path("redaction").path("keys")), strings(n.path("redaction").path("values")),
                n.path("llm").path("units_per_1k_tokens").asLong(1));
    }

    /** Known keys, by section ("" is the top level). A misspelt guard must not be silently ignored. */
    private static final Map<String, Set<String>> KEYS = Map.of(
            "", Set.of("name", "description", "tools", "read_only", "budget", "cost_overrides", "crm", "redaction", "llm"),
            "budget", Set.of("ceiling", "window"),
            "crm", Set.of("vendor", "writes", "base_url", "cache_seconds"),
            "redaction", Set.of("keys", "values"),
            "llm", Set.of("units_per_1k_tokens"));

    private static void unknownKeys(String file, JsonNode n) {
        if (!n.isObject()) {
            throw new IllegalStateException("profile " + file + " must be a YAML mapping (name: ..., tools: ..., budget: ...)");
        }
        for (Map.Entry<String, Set<String>> section : KEYS.entrySet()) {
            JsonNode node = section.getKey().isEmpty() ? n : n.path(section.getKey());
            if (!node.isObject()) {
                continue;
            }
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (!section.getValue().contains(e.getKey())) {
                    String where = section.getKey().isEmpty() ? "" : section.getKey() + ".";
                    String hint = e.getKey().startsWith("crm_") ? "; write it as crm: {" + e.getKey().substring(4) + ": ...}" : "";
                    throw new IllegalStateException("profile " + file + ": unknown key '" + where + e.getKey() + "'" + hint
                            + "; the keys" + (where.isEmpty() ? "" : " of " + section.getKey()) + " are "
                            + String.join(", ", new java.util.TreeSet<>(section.getValue())));
                }
            }
        }
    }

    private static CrmSettings crm(String file, JsonNode c) {
        try {
            return new CrmSettings(c.path("vendor").asString("auto").toLowerCase(java.util.Locale.ROOT),
                    c.path("writes").asBoolean(false), c.path("base_url").asString(null), c.path("cache_seconds").asInt(0));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("profile " + file + ": " + e.getMessage());
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.values().forEach(v -> out.add(v.asString()));
        return out;
    }

    public Optional<Profile> find(String name) {
        return Optional.ofNullable(name == null ? null : profiles.get(name));
    }

    public Set<String> names() {
        return profiles.keySet();
    }
}
