package dev.closer;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * Everything Closer is configured by, read once from flags and the environment in {@link Main}.
 *
 * @param profilesDir      a folder of profile YAML files overriding the built-in ones, or null
 * @param budgetOverride   {@code AGENT_BUDGET_CEILING}, or null
 * @param durableAudit     calls return only after their audit/ledger rows are committed (default);
 *                         CLOSER_AUDIT_DURABILITY=async trades that for latency
 * @param metrics          keep Prometheus metrics (for {@code serve}'s /metrics; other commands skip the cost)
 * @param env              the process environment (tokens, CRM credentials); passed, never re-read
 */
public record Settings(Path dataDir, Path profilesDir, Long budgetOverride, boolean validateOutputs,
                       boolean durableAudit, boolean metrics, Map<String, String> env, Clock clock) {

    public Settings {
        env = Map.copyOf(env);
    }

    public static Settings fromEnvironment(Map<String, String> env, Path dataDirFlag) {
        Path dataDir = dataDirFlag != null ? dataDirFlag
                : Path.of(env.getOrDefault("CLOSER_DATA_DIR", "data"));
        Path profiles = env.containsKey("CLOSER_PROFILES_DIR") ? Path.of(env.get("CLOSER_PROFILES_DIR")) : null;
        return new Settings(dataDir, profiles, budgetCeiling(env.get("AGENT_BUDGET_CEILING")),
                !"false".equalsIgnoreCase(env.getOrDefault("CLOSER_VALIDATE_OUTPUT", "true")),
                !"async".equalsIgnoreCase(env.getOrDefault("CLOSER_AUDIT_DURABILITY", "sync")), false, env, Clock.systemUTC());
    }

    static Long budgetCeiling(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            long v = Long.parseLong(text.strip());
            if (v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("AGENT_BUDGET_CEILING must be a non-negative integer number of cost units, got '"
                    + text + "'");
        }
    }

    public Settings withDataDir(Path dir) {
        return new Settings(dir, profilesDir, budgetOverride, validateOutputs, durableAudit, metrics, env, clock);
    }

    public Settings withEnv(Map<String, String> newEnv) {
        return new Settings(dataDir, profilesDir, budgetCeiling(newEnv.get("AGENT_BUDGET_CEILING")), validateOutputs,
                durableAudit, metrics, newEnv, clock);
    }

    public Settings withMetrics(boolean on) {
        return new Settings(dataDir, profilesDir, budgetOverride, validateOutputs, durableAudit, on, env, clock);
    }
}
