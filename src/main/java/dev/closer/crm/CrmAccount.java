package dev.closer.crm;

/** An account (company, organization) as Closer sees it; {@code source} names the CRM. */
public record CrmAccount(String id, String name, String industry, Double revenue, Integer employeeCount,
                         String region, String source) {
}
