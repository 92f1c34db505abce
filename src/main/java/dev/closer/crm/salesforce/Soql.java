package dev.closer.crm.salesforce;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * SOQL text built from Closer's filters. Every value reaches the query only through
 * {@link #literal} or {@link #contains}, which escape what SOQL reserves (quote, backslash, and the
 * control characters a string literal may not hold), so a value cannot end its literal and add
 * conditions of its own. Ids and dates are checked for shape before use.
 */
final class Soql {

    private static final Pattern ID = Pattern.compile("[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?");

    private final List<String> conditions = new ArrayList<>();

    private Soql() {
    }

    static Soql where() {
        return new Soql();
    }

    /** Adds a condition written by this package (values inside it must come from the escapes below). */
    Soql and(String condition) {
        conditions.add(condition);
        return this;
    }

    /** {@code field = 'value'} when value is set. */
    Soql equal(String field, String value) {
        return value == null ? this : and(field + " = " + literal(value));
    }

    @Override
    public String toString() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    /** A quoted SOQL string literal holding exactly {@code value}. */
    static String literal(String value) {
        return "'" + escape(value, false) + "'";
    }

    /** A LIKE pattern matching any text that contains {@code value} (its own % and _ match themselves). */
    static String contains(String value) {
        return "'%" + escape(value, true) + "%'";
    }

    /** A Salesforce record id (15 or 18 letters and digits): the only shape that may name a record. */
    static boolean isId(String s) {
        return s != null && ID.matcher(s).matches();
    }

    private static String escape(String value, boolean like) {
        StringBuilder b = new StringBuilder(value.length() + 8);
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\'' -> b.append("\\'");
                case '"' -> b.append("\\\"");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                case '%' -> b.append(like ? "\\%" : "%");
                case '_' -> b.append(like ? "\\_" : "_");
                default -> b.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return b.toString();
    }
}
