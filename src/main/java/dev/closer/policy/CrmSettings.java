package dev.closer.policy;

import java.util.Set;

/**
 * A profile's {@code crm:} block.
 *
 * @param vendor       auto (from the environment: HubSpot, then Salesforce, then Pipedrive, else
 *                     offline), offline, hubspot, salesforce or pipedrive
 * @param writes       whether crm_update_opportunity may write (otherwise it answers as a dry run)
 * @param baseUrl      the vendor's API base URL for this profile (a sandbox, a proxy), or null for
 *                     the environment's or the vendor's public one
 * @param cacheSeconds how long CRM reads are reused (0: not cached); any write clears the cache
 */
public record CrmSettings(String vendor, boolean writes, String baseUrl, int cacheSeconds) {

    public static final Set<String> VENDORS = Set.of("auto", "offline", "hubspot", "salesforce", "pipedrive");

    public CrmSettings {
        if (!VENDORS.contains(vendor)) {
            throw new IllegalArgumentException("crm.vendor must be one of auto, offline, hubspot, salesforce, pipedrive; got '"
                    + vendor + "'");
        }
        if (cacheSeconds < 0) {
            throw new IllegalArgumentException("crm.cache_seconds must be 0 or more");
        }
    }

    public static CrmSettings defaults() {
        return new CrmSettings("auto", false, null, 0);
    }
}
