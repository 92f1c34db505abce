package dev.closer.crm;

import dev.closer.crm.hubspot.HubSpotAdapter;
import dev.closer.crm.http.VendorHttp;
import dev.closer.crm.offline.OfflineCrmAdapter;
import dev.closer.store.Database;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses each profile's CRM: the profile's {@code crm.vendor} if set, else from the environment
 * in the guide's order (HubSpot: HUBSPOT_ACCESS_TOKEN, or the guide's HUBSPOT_API_KEY), else the
 * offline CRM on the embedded store. Base URLs are configurable (HUBSPOT_BASE_URL) so Closer can
 * point at a sandbox, a proxy or a simulator. This version has no Salesforce or Pipedrive adapter: a
 * profile that names them gets the offline CRM and a warning in the log.
 */
public final class CrmAdapters {

    private static final Logger LOG = LoggerFactory.getLogger(CrmAdapters.class);

    private final Database db;
    private final HubSpotAdapter hubspot;

    public CrmAdapters(Database db, Map<String, String> env, Clock clock) {
        this.db = db;
        String token = env.getOrDefault("HUBSPOT_ACCESS_TOKEN", env.get("HUBSPOT_API_KEY"));
        this.hubspot = token == null || token.isBlank() ? null : new HubSpotAdapter(
                env.getOrDefault("HUBSPOT_BASE_URL", "https://api.hubapi.com"), token.strip(),
                new VendorHttp("hubspot", VendorHttp.Settings.defaults(), d -> Thread.sleep(d.toMillis()), clock, VendorHttp.Rules.DEFAULT));
    }

    /** The CRM for {@code profile}, whose profile file names {@code vendor} ("auto", "hubspot", "offline", ...). */
    public CrmAdapter forProfile(String profile, String vendor) {
        String v = vendor == null ? "auto" : vendor.toLowerCase(Locale.ROOT);
        if ((v.equals("auto") || v.equals("hubspot")) && hubspot != null) {
            return hubspot;
        }
        if (v.equals("hubspot")) {
            LOG.warn("profile {} asks for HubSpot but HUBSPOT_ACCESS_TOKEN is not set: using the offline CRM", profile);
        } else if (!v.equals("auto") && !v.equals("offline")) {
            LOG.warn("profile {} asks for CRM '{}', which Closer does not support yet: using the offline CRM", profile, v);
        }
        return new OfflineCrmAdapter(db, profile);
    }
}
