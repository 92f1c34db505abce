package dev.closer.crm.pipedrive;

import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.closer.crm.CrmAdapter;
import dev.closer.crm.CrmAdapterContract;
import dev.closer.crm.http.VendorHttp;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The contract on Pipedrive API v2, played by WireMock from the mapping files under
 * {@code src/test/resources/crm/pipedrive/} (real v2 shapes: integer ids, custom fields keyed by
 * 40-character hashes, an enum industry, a monetary revenue, a v2 address object).
 */
class PipedriveContractTest extends CrmAdapterContract {

    /** The token the mappings accept; any other is answered 401 (the refused one explicitly). */
    static final String TOKEN = "pd-contract-token-5a7c";
    static final String REFUSED = "pd-refused-token-93e1";

    private WireMockServer wm;

    @BeforeEach
    void start() {
        wm = new WireMockServer(wireMockConfig().dynamicPort().usingFilesUnderDirectory("src/test/resources/crm/pipedrive"));
        wm.start();
    }

    @AfterEach
    void stop() {
        wm.stop();
    }

    private PipedriveAdapter adapter(String token) {
        VendorHttp.Settings s = new VendorHttp.Settings(Duration.ofSeconds(2), Duration.ofSeconds(2), 2, Duration.ofMillis(1),
                Duration.ofMillis(5), 50, Duration.ofSeconds(30));
        return new PipedriveAdapter(wm.baseUrl(), token, new VendorHttp("pipedrive", s, d -> { }, Clock.systemUTC(),
                new PipedriveRules(Clock.systemUTC())));
    }

    @Override
    protected CrmAdapter adapter() {
        return adapter(TOKEN);
    }

    @Override
    protected Ids ids() {
        return new Ids("101", "102", "2001", "2002", "2003", "999", "2999");
    }

    @Override
    protected CrmAdapter adapterWithBadCredentials() {
        return adapter(REFUSED);
    }

    @Override
    protected String badSecret() {
        return REFUSED;
    }

    @Override
    protected int writesReceived(String opportunityId) {
        return wm.countRequestsMatching(patchRequestedFor(urlPathEqualTo("/api/v2/deals/" + opportunityId)).build()).getCount();
    }
}
