package dev.closer.crm.pipedrive;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Where an organization's industry, annual revenue and employee count live. Pipedrive has no
 * standard fields for them: accounts keep them in custom fields, keyed in {@code custom_fields} by
 * a 40-character hash that differs per account. The hash is found in the organization fields
 * (GET /api/v2/organizationFields: {@code field_code}, {@code field_name}, {@code field_type},
 * {@code options}), by an explicit key from configuration first, else by the field's name
 * ("Industry"; "Annual revenue" or "Revenue"; "Number of employees" or "Employees"; any case).
 * Values arrive in their v2 shapes: a single-option field holds the option id (a number, resolved
 * to its label here), a multiple-option field an array of ids, a monetary field
 * {@code {"value", "currency"}}, a numeric field a number.
 */
final class PipedriveOrgFields {

    static final List<String> INDUSTRY_NAMES = List.of("industry");
    static final List<String> REVENUE_NAMES = List.of("annual revenue", "revenue");
    static final List<String> EMPLOYEE_NAMES = List.of("number of employees", "employees", "employee count");

    /** A field definition; {@code options} maps option ids to labels (empty for non-option fields). */
    record Field(String key, String name, String type, Map<Long, String> options) {
    }

    private final Map<String, Field> byKey = new LinkedHashMap<>();
    private Field industry;
    private Field revenue;
    private Field employees;

    void add(JsonNode f) {
        String key = PipedriveJson.text(f.path("field_code"));
        if (key == null) {
            return;
        }
        Map<Long, String> options = new LinkedHashMap<>();
        for (JsonNode o : f.path("options")) {
            if (o.path("id").isNumber()) {
                options.put(o.path("id").asLong(), PipedriveJson.text(o.path("label")));
            }
        }
        byKey.put(key, new Field(key, PipedriveJson.text(f.path("field_name")), PipedriveJson.text(f.path("field_type")), options));
    }

    /** Picks the three fields once all definitions are in; explicit keys win over names. */
    void resolve(String industryKey, String revenueKey, String employeesKey) {
        industry = pick(industryKey, INDUSTRY_NAMES);
        revenue = pick(revenueKey, REVENUE_NAMES);
        employees = pick(employeesKey, EMPLOYEE_NAMES);
    }

    /** Human-readable for the log: which keys were chosen (keys are not secrets, values are not logged). */
    String describe() {
        return "industry=" + describe(industry) + ", revenue=" + describe(revenue) + ", employees=" + describe(employees);
    }

    List<String> missing() {
        List<String> out = new ArrayList<>();
        if (industry == null) {
            out.add("industry (PIPEDRIVE_FIELD_INDUSTRY)");
        }
        if (revenue == null) {
            out.add("annual revenue (PIPEDRIVE_FIELD_REVENUE)");
        }
        if (employees == null) {
            out.add("number of employees (PIPEDRIVE_FIELD_EMPLOYEES)");
        }
        return out;
    }

    String industry(JsonNode customFields) {
        return industry == null ? null : label(industry, customFields.path(industry.key()));
    }

    Double revenue(JsonNode customFields) {
        return revenue == null ? null : amount(revenue, customFields.path(revenue.key()));
    }

    Integer employees(JsonNode customFields) {
        Double n = employees == null ? null : amount(employees, customFields.path(employees.key()));
        return n == null ? null : (int) Math.round(n);
    }

    private Field pick(String explicitKey, List<String> names) {
        if (explicitKey != null && !explicitKey.isBlank()) {
            // A configured key is used even when the fields listing does not show it (then without option labels).
            return byKey.getOrDefault(explicitKey.strip(), new Field(explicitKey.strip(), null, null, Map.of()));
        }
        for (String name : names) {
            for (Field f : byKey.values()) {
                if (f.name() != null && normal(f.name()).equals(name)) {
                    return f;
                }
            }
        }
        return null;
    }

    private static String normal(String s) {
        return s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static String describe(Field f) {
        return f == null ? "(none)" : f.key() + (f.name() == null ? "" : " \"" + f.name() + "\"");
    }

    /** Text of a value: an option id becomes its label, several options are joined, an {id, label} object gives its label. */
    static String label(Field f, JsonNode v) {
        if (v == null || v.isMissingNode() || v.isNull()) {
            return null;
        }
        if (v.isArray()) {
            List<String> labels = new ArrayList<>();
            v.forEach(e -> {
                String l = label(f, e);
                if (l != null) {
                    labels.add(l);
                }
            });
            return labels.isEmpty() ? null : String.join(", ", labels);
        }
        if (v.isObject()) {
            // include_option_labels=true answers {id, label}; other composite fields carry a "value"
            return v.has("label") ? PipedriveJson.text(v.path("label")) : label(f, v.path("value"));
        }
        if (v.isIntegralNumber() && f.options().containsKey(v.asLong())) {
            return f.options().get(v.asLong());
        }
        if (v.isString() && v.asString().matches("\\d{1,18}") && f.options().containsKey(Long.parseLong(v.asString()))) {
            return f.options().get(Long.parseLong(v.asString()));
        }
        String s = v.asString();
        return s.isBlank() ? null : s;
    }

    /** A number: numeric fields hold one, monetary fields {"value", "currency"}, option fields a label like "150". */
    static Double amount(Field f, JsonNode v) {
        if (v == null || v.isMissingNode() || v.isNull()) {
            return null;
        }
        if (v.isObject() && v.has("value")) {
            return PipedriveJson.number(v.path("value"));
        }
        if (!f.options().isEmpty() || v.isObject() || v.isArray()) {
            // An option field's label may be a number ("150"); a range label ("51-200") is not one.
            return PipedriveJson.number(label(f, v));
        }
        return PipedriveJson.number(v);
    }
}
