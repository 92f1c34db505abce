package dev.closer.crm.salesforce;

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
 * The contract on Salesforce, played by WireMock from mapping files in Salesforce's wire format
 * ({@code src/test/resources/crm/salesforce}): the token endpoint (client-credentials flow, whose
 * answer points the API calls back at WireMock), sObject GETs, the Opportunity describe, SOQL query
 * results and a PATCH answered 204.
 */
class SalesforceContractTest extends CrmAdapterContract {

    static final String CLIENT_SECRET = "contract-client-secret-4f2a";
    static final String WRONG_SECRET = "canary-wrong-secret-77e1";

    private WireMockServer wm;
    private SalesforceAdapter salesforce;

    @BeforeEach
    void start() {
        wm = new WireMockServer(wireMockConfig().dynamicPort().usingFilesUnderDirectory("src/test/resources/crm/salesforce"));
        wm.start();
        salesforce = adapter(CLIENT_SECRET);
    }

    @AfterEach
    void stop() {
        wm.stop();
    }

    private SalesforceAdapter adapter(String secret) {
        VendorHttp.Settings s = new VendorHttp.Settings(Duration.ofSeconds(2), Duration.ofSeconds(2), 3, Duration.ofMillis(10),
                Duration.ofMillis(50), 5, Duration.ofSeconds(30));
        SalesforceConfig config = new SalesforceConfig(wm.baseUrl(), "v66.0", "3MVG9contractClientId", secret, null, null, null);
        return new SalesforceAdapter(config, SalesforceRules.http(s, d -> { }, Clock.systemUTC()));
    }

    @Override
    protected CrmAdapter adapter() {
        return salesforce;
    }

    @Override
    protected Ids ids() {
        return new Ids("001Dn00000A1cMeIAB", "001Dn00000B2oLdIAB", "006Dn00000C3wOnIAA", "006Dn00000C4lStIAA",
                "006Dn00000C5oPnIAA", "001Dn00000ZzZzZIAA", "006Dn00000ZzZzZIAA");
    }

    @Override
    protected CrmAdapter adapterWithBadCredentials() {
        return adapter(WRONG_SECRET);
    }

    @Override
    protected String badSecret() {
        return WRONG_SECRET;
    }

    @Override
    protected int writesReceived(String opportunityId) {
        return wm.countRequestsMatching(patchRequestedFor(urlPathEqualTo("/services/data/v66.0/sobjects/Opportunity/" + opportunityId))
                .build()).getCount();
    }

    /** Salesforce's standard sales process calls the data set's open stage "Qualification". */
    @Override
    protected String openStage() {
        return "Qualification";
    }
}
