package dev.closer.sales.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps an account record in any CRM's field names (HubSpot properties.*, Salesforce Name/
 * AnnualRevenue/NumberOfEmployees/BillingState, Pipedrive, CSV, generic) to Closer's canonical
 * account. account_id is "&lt;source&gt;:&lt;crm id&gt;" when the record has an id, else a stable id
 * derived from the normalised name (SHA-256). Numbers written as text ("25M", "$25,000,000") are
 * read. confidence = share of the six canonical fields found.
 */
public final class AccountNormalizer {

    public record Canonical(String accountId, String name, String industry, Double revenue, Integer employeeCount,
                            String region, String status) {
    }

    public record Result(Canonical account, double confidence, List<String> warnings, String sourceType) {
    }

    private static final String[] ID = {"id", "Id", "hs_object_id", "account_id", "accountId", "org_id", "company_id"};
    private static final String[] NAME = {"name", "Name", "company", "company_name", "account_name", "AccountName"};
    private static final String[] INDUSTRY = {"industry", "Industry", "sector", "vertical"};
    private static final String[] REVENUE = {"annualrevenue", "AnnualRevenue", "annual_revenue", "revenue", "Revenue"};
    private static final String[] EMPLOYEES = {"numberofemployees", "NumberOfEmployees", "employee_count", "employees",
        "people_count", "company_size", "headcount"};
    private static final String[] REGION = {"region", "state", "BillingState", "billing_state", "country", "BillingCountry",
        "address_country", "geography", "location", "address"};
    private static final String[] STATUS = {"status", "lifecyclestage", "Type", "type", "account_status", "active_flag"};

    @SuppressWarnings("unchecked")
    public Result normalize(Map<String, Object> record, String sourceType) {
        List<String> warnings = new ArrayList<>();
        Map<String, Object> r = record;
        if (record.get("properties") instanceof Map<?, ?> props) {
            // HubSpot wraps fields in "properties"; the id sits beside it.
            r = new java.util.HashMap<>((Map<String, Object>) props);
            if (record.get("id") != null) {
                r.put("id", record.get("id"));
            }
        }
        String source = sourceType == null ? "generic" : sourceType.toLowerCase(Locale.ROOT);
        String id = text(first(r, ID));
        String name = text(first(r, NAME));
        String industry = text(first(r, INDUSTRY));
        Double revenue = number(first(r, REVENUE), "revenue", warnings);
        Double employees = number(first(r, EMPLOYEES), "employee_count", warnings);
        String region = text(first(r, REGION));
        String status = text(first(r, STATUS));
        String accountId;
        if (id != null) {
            accountId = source + ":" + id;
        } else if (name != null) {
            accountId = "acct_" + sha256(name.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ")).substring(0, 16);
            warnings.add("no id in the record: account_id derived from the name");
        } else {
            accountId = null;
            warnings.add("no id and no name: the record cannot be identified");
        }
        int found = (name != null ? 1 : 0) + (industry != null ? 1 : 0) + (revenue != null ? 1 : 0)
                + (employees != null ? 1 : 0) + (region != null ? 1 : 0) + (status != null ? 1 : 0);
        for (String[] f : new String[][]{{"name", name}, {"industry", industry}, {"region", region}}) {
            if (f[1] == null) {
                warnings.add("no " + f[0] + " found");
            }
        }
        return new Result(new Canonical(accountId, name, industry, revenue, employees == null ? null : (int) Math.round(employees),
                region, status), Math.round(found / 6.0 * 100) / 100.0, warnings, source);
    }

    private static Object first(Map<String, Object> r, String[] keys) {
        for (String k : keys) {
            Object v = r.get(k);
            if (v != null && !(v instanceof String s && s.isBlank())) {
                return v;
            }
        }
        return null;
    }

    private static String text(Object v) {
        return v == null ? null : String.valueOf(v).strip();
    }

    /** 25000000, "25000000", "$25,000,000", "25M", "1.2B", "500K", "50-200" (the midpoint, with a warning). */
    static Double number(Object v, String field, List<String> warnings) {
        if (v == null) {
            return null;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        String t = String.valueOf(v).strip().toLowerCase(Locale.ROOT).replace("$", "").replace(",", "").replace("usd", "").strip();
        try {
            if (t.matches("\\d+(\\.\\d+)?\\s*-\\s*\\d+(\\.\\d+)?")) {
                String[] p = t.split("-");
                warnings.add(field + " '" + v + "' is a range: used its midpoint");
                return (Double.parseDouble(p[0].strip()) + Double.parseDouble(p[1].strip())) / 2;
            }
            double mult = 1;
            if (t.endsWith("k")) {
                mult = 1e3;
            } else if (t.endsWith("m")) {
                mult = 1e6;
            } else if (t.endsWith("b")) {
                mult = 1e9;
            }
            if (mult > 1) {
                t = t.substring(0, t.length() - 1).strip();
            }
            return Double.parseDouble(t) * mult;
        } catch (NumberFormatException e) {
            warnings.add(field + " '" + v + "' is not a number and was left out");
            return null;
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
