package dev.closer.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.closer.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code closer doctor} says which CRM each profile uses and whether it works, never printing a credential. */
class DoctorCommandTest {

    @TempDir
    Path dir;

    @Test
    void without_a_crm_every_profile_is_offline_with_what_was_imported() {
        String data = dir.resolve("data").toString();
        var imported = Cli.run(Map.of(), null, "import", "crm", "src/test/resources/crm/offline/contract-data.json", "--data-dir", data);
        assertEquals(0, imported.exit(), imported.err());
        var r = Cli.run(Map.of(), null, "doctor", "--data-dir", data);
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("offline (no CRM credentials in the environment) - 2 accounts and 3 opportunities imported"), r.out());
        assertTrue(r.out().contains("all checks passed"), r.out());
    }

    @Test
    void a_working_token_passes_and_a_refused_one_fails_without_being_printed() {
        WireMockServer wm = new WireMockServer(WireMockConfiguration.wireMockConfig().dynamicPort()
                .usingFilesUnderDirectory("src/test/resources/crm/hubspot/contract"));
        wm.start();
        try {
            wm.stubFor(get(urlPathEqualTo("/crm/v3/objects/companies")).withHeader("Authorization", equalTo("Bearer pat-na1-contract-canary"))
                    .willReturn(okJson("{\"results\": []}")));
            String data = dir.resolve("data").toString();
            var good = Cli.run(Map.of("HUBSPOT_ACCESS_TOKEN", "pat-na1-contract-canary", "HUBSPOT_BASE_URL", wm.baseUrl()), null,
                    "doctor", "--data-dir", data);
            assertEquals(0, good.exit(), good.out() + good.err());
            assertTrue(good.out().contains("hubspot at " + wm.baseUrl() + " (its credentials are in the environment) - credentials work"),
                    good.out());
            String canary = "pat-na1-revoked-canary-31337";
            var bad = Cli.run(Map.of("HUBSPOT_API_KEY", canary, "HUBSPOT_BASE_URL", wm.baseUrl()), null, "doctor", "--data-dir", data);
            assertEquals(1, bad.exit(), bad.out() + bad.err());
            assertTrue(bad.out().contains("FAILED: AUTH"), bad.out());
            assertFalse(bad.out().contains(canary) || bad.err().contains(canary), "the token is never printed");
        } finally {
            wm.stop();
        }
    }

    @Test
    void a_profile_naming_a_vendor_without_credentials_says_what_to_set() throws Exception {
        Path profiles = Files.createDirectories(dir.resolve("profiles"));
        Files.writeString(profiles.resolve("field.yaml"), "name: field\ntools: \"*\"\nbudget: {ceiling: 10}\ncrm: {vendor: pipedrive}\n");
        var r = Cli.run(Map.of("CLOSER_PROFILES_DIR", profiles.toString()), null, "doctor", "--data-dir", dir.resolve("data").toString());
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("pipedrive (the profile's crm.vendor) - NOT CONFIGURED") && r.out().contains("PIPEDRIVE_API_TOKEN"),
                r.out());
    }

    @Test
    void an_unknown_vendor_in_a_profile_stops_start_up_naming_the_choices() throws Exception {
        Path profiles = Files.createDirectories(dir.resolve("profiles"));
        Files.writeString(profiles.resolve("field.yaml"), "name: field\ntools: \"*\"\nbudget: {ceiling: 10}\ncrm: {vendor: zoho}\n");
        var r = Cli.run(Map.of("CLOSER_PROFILES_DIR", profiles.toString()), null, "doctor", "--data-dir", dir.resolve("data").toString());
        assertTrue(r.exit() != 0);
        assertTrue(r.err().contains("crm.vendor must be one of auto, offline, hubspot, salesforce, pipedrive; got 'zoho'"), r.err());
    }
}
