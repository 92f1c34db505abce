package dev.closer.sales.intelligence;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Normalises job titles to one pattern: "VP of Sales", "Vice President, Sales" and "VP Sales" are
 * "VP Sales"; "Chief Financial Officer" is "CFO"; "Director of Engineering" and "Engineering
 * Director" are "Director of Engineering"; "Head of Sales" stays; "Sales Manager" stays. Seniority:
 * c_level, vp, director, manager, individual_contributor. Department from the title's words.
 */
public final class TitleNormalizer {

    public record Title(String pattern, String seniority, String department) {
    }

    private static final Map<String, String> C_LEVEL = new LinkedHashMap<>();
    private static final Map<String, String> DEPARTMENTS = new LinkedHashMap<>();

    static {
        C_LEVEL.put("chief executive officer", "CEO");
        C_LEVEL.put("chief financial officer", "CFO");
        C_LEVEL.put("chief technology officer", "CTO");
        C_LEVEL.put("chief technical officer", "CTO");
        C_LEVEL.put("chief information officer", "CIO");
        C_LEVEL.put("chief operating officer", "COO");
        C_LEVEL.put("chief revenue officer", "CRO");
        C_LEVEL.put("chief marketing officer", "CMO");
        C_LEVEL.put("chief information security officer", "CISO");
        C_LEVEL.put("chief product officer", "CPO");
        for (String s : new String[]{"ceo", "cfo", "cto", "cio", "coo", "cro", "cmo", "ciso", "cpo"}) {
            C_LEVEL.put(s, s.toUpperCase(Locale.ROOT));
        }
        DEPARTMENTS.put("revenue operations", "Revenue Operations");
        DEPARTMENTS.put("revops", "Revenue Operations");
        DEPARTMENTS.put("sales operations", "Sales Operations");
        DEPARTMENTS.put("customer success", "Customer Success");
        DEPARTMENTS.put("business development", "Business Development");
        DEPARTMENTS.put("sales", "Sales");
        DEPARTMENTS.put("marketing", "Marketing");
        DEPARTMENTS.put("finance", "Finance");
        DEPARTMENTS.put("engineering", "Engineering");
        DEPARTMENTS.put("technology", "Technology");
        DEPARTMENTS.put("it", "IT");
        DEPARTMENTS.put("operations", "Operations");
        DEPARTMENTS.put("product", "Product");
        DEPARTMENTS.put("procurement", "Procurement");
        DEPARTMENTS.put("legal", "Legal");
        DEPARTMENTS.put("security", "Security");
        DEPARTMENTS.put("people", "People");
        DEPARTMENTS.put("hr", "People");
        DEPARTMENTS.put("data", "Data");
    }

    private final Map<String, Title> cache = new java.util.HashMap<>();

    public Title normalize(String raw) {
        return cache.computeIfAbsent(raw == null ? "" : raw, this::compute);
    }

    private Title compute(String raw) {
        String t = " " + raw.toLowerCase(Locale.ROOT).replaceAll("[,./&()\\-]", " ").replaceAll("\\s+", " ").strip() + " ";
        t = t.replace(" vice president ", " vp ").replace(" svp ", " vp ").replace(" evp ", " vp ").replace(" avp ", " vp ")
                .replace(" senior ", " ").replace(" sr ", " ").replace(" of ", " ").replace(" and ", " ").replace(" the ", " ");
        String trimmed = t.strip();
        for (Map.Entry<String, String> c : C_LEVEL.entrySet()) {
            if ((" " + trimmed + " ").contains(" " + c.getKey() + " ")) {
                return new Title(c.getValue(), "c_level", cLevelDepartment(c.getValue()));
            }
        }
        String dept = department(t);
        if (t.contains(" vp ")) {
            return new Title(dept == null ? "VP" : "VP " + dept, "vp", deptKey(dept));
        }
        if (t.contains(" director ")) {
            return new Title(dept == null ? "Director" : "Director of " + dept, "director", deptKey(dept));
        }
        if (t.contains(" head ")) {
            return new Title(dept == null ? "Head" : "Head of " + dept, "director", deptKey(dept));
        }
        if (t.contains(" manager ") || t.contains(" lead ")) {
            return new Title(dept == null ? "Manager" : dept + " Manager", "manager", deptKey(dept));
        }
        return new Title(titleCase(trimmed), "individual_contributor", deptKey(dept));
    }

    private static String department(String t) {
        for (Map.Entry<String, String> d : DEPARTMENTS.entrySet()) {
            if (t.contains(" " + d.getKey() + " ")) {
                return d.getValue();
            }
        }
        return null;
    }

    private static String deptKey(String dept) {
        return dept == null ? "general" : dept.toLowerCase(Locale.ROOT).replace(' ', '_');
    }

    private static String cLevelDepartment(String c) {
        return switch (c) {
            case "CFO" -> "finance";
            case "CTO", "CIO", "CPO" -> "technology";
            case "CRO" -> "sales";
            case "CMO" -> "marketing";
            case "CISO" -> "security";
            case "COO" -> "operations";
            default -> "executive";
        };
    }

    private static String titleCase(String s) {
        StringBuilder sb = new StringBuilder();
        for (String w : s.split(" ")) {
            if (!w.isEmpty()) {
                sb.append(sb.length() == 0 ? "" : " ").append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
            }
        }
        return sb.toString();
    }
}
