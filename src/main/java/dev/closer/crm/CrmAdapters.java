package dev.closer.crm;

import dev.closer.crm.http.RateLimiter;
import dev.closer.crm.http.VendorHttp;
import dev.closer.crm.hubspot.HubSpotAdapter;
import dev.closer.crm.offline.OfflineCrmAdapter;
import dev.closer.crm.pipedrive.PipedriveAdapter;
import dev.closer.crm.pipedrive.PipedriveRules;
import dev.closer.crm.salesforce.SalesforceAdapter;
import dev.closer.crm.salesforce.SalesforceConfig;
import dev.closer.crm.salesforce.SalesforceRules;
import dev.closer.policy.CrmSettings;
import dev.closer.policy.Profile;
import dev.closer.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Chooses each profile's CRM: the profile's {@code crm.vendor} if it names one, else the first
 * vendor with credentials in the environment in the guide's order (HubSpot, Salesforce,
 * Pipedrive), else the offline CRM on the embedded store. Base URLs come from the profile, else the
 * environment (HUBSPOT_BASE_URL, ...), else the vendor's public one, so Closer can point at a
 * sandbox, a proxy or a simulator. A vendor that is named but not (or not fully) configured answers
 * every call with an AUTH error saying what to set, never with other data. Every CRM is wrapped so that an idempotency key applies once
 * (persisted), and vendor reads are cached when the profile asks for it.
 */
public final class CrmAdapters {

    /** What a profile's CRM is and why; {@code configured} is false when its credentials are missing. */
    public record Choice(String vendor, String reason, boolean configured, String baseUrl) {
    }

    private final Database db;
    private final Map<String, String> env;
    private final Clock clock;
    private final VendorHttp.Sleeper sleeper;
    private final UpdateLog updates;
    private final Map<String, CrmAdapter> byProfile = new ConcurrentHashMap<>();

    public CrmAdapters(Database db, Map<String, String> env, Clock clock, VendorHttp.Sleeper sleeper, UpdateLog updates) {
        this.db = db;
        this.env = Map.copyOf(env);
        this.clock = clock;
        this.sleeper = sleeper;
        this.updates = updates;
    }

    public Choice choose(Profile profile) {
        CrmSettings crm = profile.crm();
        String vendor = crm.vendor();
        if (vendor.equals("offline")) {
            return new Choice("offline", "the profile asks for the offline CRM", true, null);
        }
        if (!vendor.equals("auto")) {
            return new Choice(vendor, "the profile's crm.vendor", hasCredentials(vendor), baseUrl(vendor, crm));
        }
        for (String v : new String[] {"hubspot", "salesforce", "pipedrive"}) {
            if (hasCredentials(v)) {
                return new Choice(v, "its credentials are in the environment", true, baseUrl(v, crm));
            }
        }
        return new Choice("offline", "no CRM credentials in the environment", true, null);
    }

    /** The profile's CRM, built once per profile. */
    public CrmAdapter forProfile(Profile profile) {
        return byProfile.computeIfAbsent(profile.name(), n -> build(profile));
    }

    private CrmAdapter build(Profile profile) {
        Choice choice = choose(profile);
        if (choice.vendor().equals("offline")) {
            return new IdempotentCrm(new OfflineCrmAdapter(db, profile.name()), updates, profile.name());
        }
        CrmAdapter vendor;
        try {
            vendor = choice.configured() ? vendor(choice.vendor(), choice.baseUrl()) : null;
        } catch (IllegalArgumentException e) {
            // A malformed setting (a login URL, an API version): every call says which, nothing crashes.
            vendor = new UnconfiguredCrm(choice.vendor(), profile.name(), "valid settings (" + e.getMessage() + ")");
        }
        if (vendor == null) {
            vendor = new UnconfiguredCrm(choice.vendor(), profile.name(), needs(choice.vendor()));
        }
        if (profile.crm().cacheSeconds() > 0) {
            vendor = new CachingCrm(vendor, Duration.ofSeconds(profile.crm().cacheSeconds()), clock, 2_000);
        }
        return new IdempotentCrm(vendor, updates, profile.name());
    }

    /** The vendor's adapter, or null when its credentials are incomplete. */
    private CrmAdapter vendor(String vendor, String baseUrl) {
        return switch (vendor) {
            case "hubspot" -> new HubSpotAdapter(baseUrl, token("HUBSPOT_ACCESS_TOKEN", "HUBSPOT_API_KEY"),
                    http("hubspot", HubSpotAdapter.rules()), new RateLimiter(number("HUBSPOT_SEARCH_RATE", 4), sleeper),
                    (int) number("HUBSPOT_PAGE_CONCURRENCY", 4));
            case "salesforce" -> {
                SalesforceConfig c = SalesforceConfig.fromEnvironment(env);
                yield c == null ? null : new SalesforceAdapter(new SalesforceConfig(baseUrl, c.apiVersion(), c.clientId(), c.clientSecret(), c.username(),
                        c.password(), c.securityToken()), http("salesforce", new SalesforceRules()));
            }
            case "pipedrive" -> new PipedriveAdapter(baseUrl, token("PIPEDRIVE_API_TOKEN", "PIPEDRIVE_API_KEY"),
                    PipedriveAdapter.FieldKeys.fromEnvironment(env), http("pipedrive", new PipedriveRules(clock)));
            default -> throw new IllegalArgumentException("no CRM adapter called " + vendor);
        };
    }

    private VendorHttp http(String vendor, VendorHttp.Rules rules) {
        VendorHttp.Settings d = VendorHttp.Settings.defaults();
        VendorHttp.Settings s = new VendorHttp.Settings(d.connectTimeout(),
                Duration.ofMillis((long) (1000 * number("CLOSER_CRM_TIMEOUT_SECONDS", d.readTimeout().toSeconds()))),
                d.maxAttempts(), d.baseBackoff(), d.maxBackoff(), d.failureThreshold(), d.cooldown());
        return new VendorHttp(vendor, s, sleeper, clock, rules);
    }

    boolean hasCredentials(String vendor) {
        return switch (vendor) {
            case "hubspot" -> set("HUBSPOT_ACCESS_TOKEN") || set("HUBSPOT_API_KEY");
            case "salesforce" -> set("SALESFORCE_USERNAME") || (set("SALESFORCE_CLIENT_ID") && set("SALESFORCE_CLIENT_SECRET"));
            case "pipedrive" -> set("PIPEDRIVE_API_TOKEN") || set("PIPEDRIVE_API_KEY");
            default -> false;
        };
    }

    static String needs(String vendor) {
        return switch (vendor) {
            case "hubspot" -> "HUBSPOT_ACCESS_TOKEN (or HUBSPOT_API_KEY)";
            case "salesforce" -> "SALESFORCE_CLIENT_ID and SALESFORCE_CLIENT_SECRET (with SALESFORCE_USERNAME, SALESFORCE_PASSWORD"
                    + " and SALESFORCE_SECURITY_TOKEN for the username-password flow)";
            case "pipedrive" -> "PIPEDRIVE_API_TOKEN (or PIPEDRIVE_API_KEY)";
            default -> "nothing";
        };
    }

    private String baseUrl(String vendor, CrmSettings crm) {
        if (crm.baseUrl() != null && !crm.baseUrl().isBlank()) {
            return crm.baseUrl();
        }
        return switch (vendor) {
            case "hubspot" -> env.getOrDefault("HUBSPOT_BASE_URL", "https://api.hubapi.com");
            case "salesforce" -> set("SALESFORCE_LOGIN_URL") ? env.get("SALESFORCE_LOGIN_URL").strip() : SalesforceConfig.DEFAULT_LOGIN_URL;
            case "pipedrive" -> PipedriveAdapter.baseUrl(env);
            default -> null;
        };
    }

    private boolean set(String key) {
        String v = env.get(key);
        return v != null && !v.isBlank();
    }

    private String token(String primary, String alias) {
        return (set(primary) ? env.get(primary) : env.get(alias)).strip();
    }

    private double number(String key, double fallback) {
        String v = env.get(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Double.parseDouble(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, got '" + v + "'");
        }
    }
}
