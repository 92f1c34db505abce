package dev.closer.crm.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SalesforceConfigTest {

    @Test
    void no_salesforce_credentials_means_no_salesforce() {
        assertNull(SalesforceConfig.fromEnvironment(Map.of("HUBSPOT_ACCESS_TOKEN", "x")));
        assertNull(SalesforceAdapter.fromEnvironment(Map.of(), null));
    }

    @Test
    void a_username_chooses_the_password_flow_and_nothing_secret_is_printed() {
        var c = SalesforceConfig.fromEnvironment(Map.of("SALESFORCE_USERNAME", "rep@closer.dev", "SALESFORCE_PASSWORD", "canary-pw",
                "SALESFORCE_SECURITY_TOKEN", "canary-st", "SALESFORCE_CLIENT_ID", "3MVG9id", "SALESFORCE_CLIENT_SECRET", "canary-cs"));
        assertTrue(c.passwordFlow());
        assertEquals("https://login.salesforce.com", c.loginUrl());
        assertEquals("v66.0", c.apiVersion());
        for (String secret : new String[]{"canary-pw", "canary-st", "canary-cs"}) {
            assertFalse(c.toString().contains(secret), c.toString());
        }
    }

    @Test
    void a_client_id_and_secret_alone_choose_client_credentials_on_the_configured_my_domain() {
        var c = SalesforceConfig.fromEnvironment(Map.of("SALESFORCE_CLIENT_ID", "3MVG9id", "SALESFORCE_CLIENT_SECRET", "s",
                "SALESFORCE_LOGIN_URL", "https://closer-dev.my.salesforce.com/", "SALESFORCE_API_VERSION", "62.0"));
        assertFalse(c.passwordFlow());
        assertEquals("https://closer-dev.my.salesforce.com", c.loginUrl());
        assertEquals("v62.0", c.apiVersion());
        assertFalse(c.genericLoginHost());
    }

    @Test
    void a_flow_missing_part_of_its_credentials_is_not_configured() {
        assertNull(SalesforceConfig.fromEnvironment(Map.of("SALESFORCE_CLIENT_ID", "3MVG9id")));
        assertNull(SalesforceConfig.fromEnvironment(Map.of("SALESFORCE_USERNAME", "rep@closer.dev", "SALESFORCE_CLIENT_ID", "3MVG9id",
                "SALESFORCE_CLIENT_SECRET", "s")));
    }

    @Test
    void a_malformed_version_or_login_url_fails_fast() {
        assertThrows(IllegalArgumentException.class, () -> new SalesforceConfig(null, "latest", "id", "s", null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new SalesforceConfig("ftp://login.salesforce.com", null, "id", "s", null, null, null));
    }
}
