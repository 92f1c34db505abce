package dev.closer.sales.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AccountNormalizerTest {

    private final AccountNormalizer n = new AccountNormalizer();

    @Test
    void reads_salesforce_field_names() {
        var r = n.normalize(Map.of("Id", "001ABC123", "Name", "Acme SaaS", "Industry", "Software", "AnnualRevenue", 25000000,
                "NumberOfEmployees", 150, "BillingState", "CA", "Type", "Customer"), "salesforce");
        assertEquals("salesforce:001ABC123", r.account().accountId());
        assertEquals(25_000_000.0, r.account().revenue());
        assertEquals(150, r.account().employeeCount());
        assertEquals(1.0, r.confidence());
    }

    @Test
    void reads_hubspot_properties_with_numbers_as_strings() {
        var r = n.normalize(Map.of("id", "512", "properties", Map.of("name", "CloudCo", "industry", "COMPUTER_SOFTWARE",
                "annualrevenue", "15000000", "numberofemployees", "80", "country", "United States")), "hubspot");
        assertEquals("hubspot:512", r.account().accountId());
        assertEquals(15_000_000.0, r.account().revenue());
        assertEquals(80, r.account().employeeCount());
    }

    @Test
    void derives_a_stable_id_from_the_name_and_reads_written_numbers() {
        var a = n.normalize(Map.of("company", "Acme  SaaS", "revenue", "$25M", "employees", "50-250"), "csv");
        var b = n.normalize(Map.of("company", "acme saas"), "csv");
        assertEquals(a.account().accountId(), b.account().accountId());
        assertTrue(a.account().accountId().startsWith("acct_"));
        assertEquals(25e6, a.account().revenue());
        assertEquals(150, a.account().employeeCount());
        assertTrue(a.warnings().stream().anyMatch(w -> w.contains("midpoint")));
        assertTrue(a.confidence() < 1.0);
    }
}
