package dev.closer.crm.hubspot;

import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.closer.crm.CrmAdapter;
import dev.closer.crm.CrmAdapterContract;
import dev.closer.crm.http.RateLimiter;
import dev.closer.crm.http.VendorHttp;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The contract against HubSpot CRM v3 as WireMock plays it from the mappings in src/test/resources/crm/hubspot/contract. */
class HubSpotContractTest extends CrmAdapterContract {

    private static final String TOKEN = "pat-na1-contract-canary";

    private WireMockServer wm;

    @BeforeEach
    void start() {
        wm = new WireMockServer(wireMockConfig().dynamicPort().usingFilesUnderDirectory("src/test/resources/crm/hubspot/contract"));
        wm.start();
    }

    @AfterEach
    void stop() {
        wm.stop();
    }

    private HubSpotAdapter hubspot(String token) {
        VendorHttp.Settings s = new VendorHttp.Settings(Duration.ofSeconds(2), Duration.ofSeconds(2), 2, Duration.ofMillis(1),
                Duration.ofMillis(5), 50, Duration.ofSeconds(1));
        return new HubSpotAdapter(wm.baseUrl(), token, new VendorHttp("hubspot", s, d -> { }, Clock.systemUTC(), HubSpotAdapter.rules()),
                RateLimiter.unlimited(), 2);
    }

    @Override
    protected CrmAdapter adapter() {
        return hubspot(TOKEN);
    }

    @Override
    protected Ids ids() {
        return new Ids("512", "513", "9001", "9002", "9003", "404404", "404405");
    }

    @Override
    protected CrmAdapter adapterWithBadCredentials() {
        return hubspot(badSecret());
    }

    @Override
    protected String badSecret() {
        return "pat-na1-revoked-canary-77";
    }

    @Override
    protected int writesReceived(String opportunityId) {
        return wm.findAll(patchRequestedFor(urlPathEqualTo("/crm/v3/objects/deals/" + opportunityId))).size();
    }

    /** HubSpot's industry property is an enumeration; Closer shows the option's label. */
    @Override
    protected String industry() {
        return "Computer Software";
    }

    /** The default pipeline's stage label. */
    @Override
    protected String openStage() {
        return "Qualified To Buy";
    }
}
