package dev.closer.sales.outreach;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {{variable}} syntax: names are letters, digits and underscores, starting with a letter.
 * Unbalanced braces, empty or malformed placeholders are errors naming the position.
 */
public final class TemplateSyntax {

    private TemplateSyntax() {
    }

    /** A syntax error in one field ("subject" or "body") at a character position. */
    public static final class Invalid extends RuntimeException {
        private final String field;

        Invalid(String field, String problem) {
            super(problem);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** The variable names in {@code text}, in order of first appearance; throws {@link Invalid}. */
    public static List<String> variables(String field, String text) {
        Set<String> out = new LinkedHashSet<>();
        if (text == null) {
            return List.of();
        }
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf("{{", i);
            int strayClose = text.indexOf("}}", i);
            if (strayClose >= 0 && (open < 0 || strayClose < open)) {
                throw new Invalid(field, "'}}' at position " + strayClose + " closes nothing");
            }
            if (open < 0) {
                break;
            }
            int close = text.indexOf("}}", open + 2);
            int nextOpen = text.indexOf("{{", open + 2);
            if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
                throw new Invalid(field, "'{{' at position " + open + " is never closed");
            }
            String name = text.substring(open + 2, close).strip();
            if (name.isEmpty()) {
                throw new Invalid(field, "empty placeholder '{{}}' at position " + open);
            }
            if (!name.matches("[A-Za-z][A-Za-z0-9_]{0,63}")) {
                throw new Invalid(field, "'{{" + name + "}}' at position " + open
                        + " is not a variable name (letters, digits and _, starting with a letter)");
            }
            out.add(name);
            i = close + 2;
        }
        return new ArrayList<>(out);
    }

    /** Replaces each {{name}} found in {@code values}; others are left visible as {{name}}. */
    public static String fill(String text, Map<String, String> values) {
        if (text == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(text.length() + 64);
        int i = 0;
        while (true) {
            int open = text.indexOf("{{", i);
            if (open < 0) {
                sb.append(text, i, text.length());
                return sb.toString();
            }
            int close = text.indexOf("}}", open + 2);
            String name = text.substring(open + 2, close).strip();
            sb.append(text, i, open);
            String v = values.get(name);
            sb.append(v != null ? v : text.substring(open, close + 2));
            i = close + 2;
        }
    }
}
