package dev.closer.sales.qualification;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Grades a criterion's value into an evidence strength 0..1. The rules (also in the tool's
 * description):
 * <ul>
 *   <li>missing, null, false, empty, or a negative word ("no", "none", "unknown", "n/a", "tbd",
 *       "not yet", "unclear") → 0.0;</li>
 *   <li>true → 1.0; a number: 0..1 is taken as the strength itself, above 1 (an amount) → 1.0;</li>
 *   <li>text with a strong word ("confirmed", "approved", "signed", "committed", "engaged",
 *       "agreed", "validated", "secured", "allocated", "champion") → 1.0;</li>
 *   <li>text with a medium word ("identified", "known", "met", "in progress", "likely", "planned")
 *       → 0.6; with a weak word ("maybe", "possible", "exploring", "considering", "interested",
 *       "pending") → 0.3 — the strongest word present counts;</li>
 *   <li>other text: concrete detail (a number, amount or percentage; a role such as CFO or VP; a
 *       process with steps) → 0.8; three words or more → 0.6; shorter → 0.4.</li>
 * </ul>
 */
final class EvidenceGrader {

    private static final List<String> NEGATIVE = List.of("no", "none", "unknown", "n/a", "na", "tbd", "not yet",
            "unclear", "nothing", "not identified", "not confirmed", "no budget", "missing", "not sure", "false");
    private static final List<String> STRONG = List.of("confirmed", "approved", "signed", "committed", "engaged",
            "agreed", "validated", "secured", "allocated", "champion", "budgeted", "verified");
    private static final List<String> MEDIUM = List.of("identified", "known", "met", "in progress", "likely",
            "planned", "partial", "defined", "documented", "discussed");
    private static final List<String> WEAK = List.of("maybe", "possible", "possibly", "exploring", "considering",
            "interested", "pending", "suspected", "hoping", "might");
    private static final Pattern NUMBER = Pattern.compile("\\d");
    private static final Pattern ROLE = Pattern.compile(
            "\\b(ceo|cfo|cto|cio|coo|cro|cmo|ciso|vp|vice president|director|head of|manager|founder|owner|board|committee)\\b");
    private static final Pattern STEPS = Pattern.compile("(→|->|=>|\\bthen\\b|,|;)");

    private EvidenceGrader() {
    }

    static Evidence grade(Object value) {
        if (value == null) {
            return new Evidence(0.0, "not provided", "no information yet");
        }
        if (value instanceof Boolean b) {
            return b ? new Evidence(1.0, "confirmed (true)", null) : new Evidence(0.0, "stated as false", "not in place");
        }
        if (value instanceof Number n) {
            double d = n.doubleValue();
            if (d <= 0) {
                return new Evidence(0.0, "stated as " + n, "not in place");
            }
            if (d <= 1) {
                return new Evidence(d, "rated " + n, d < 0.7 ? "only partly in place" : null);
            }
            return new Evidence(1.0, "amount stated: " + n, null);
        }
        String text = String.valueOf(value).strip();
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.isEmpty() || NEGATIVE.contains(lower) || lower.startsWith("no ") || lower.startsWith("not ")) {
            return new Evidence(0.0, text.isEmpty() ? "empty" : "\"" + text + "\"", "no evidence yet");
        }
        if (containsWord(lower, STRONG)) {
            return new Evidence(1.0, "\"" + text + "\" (strong evidence)", null);
        }
        if (containsWord(lower, MEDIUM)) {
            return new Evidence(0.6, "\"" + text + "\" (identified, not yet confirmed)", "needs confirmation");
        }
        if (containsWord(lower, WEAK)) {
            return new Evidence(0.3, "\"" + text + "\" (tentative)", "only tentative");
        }
        if (NUMBER.matcher(lower).find() || ROLE.matcher(lower).find() || STEPS.matcher(lower).find()) {
            return new Evidence(0.8, "\"" + text + "\" (concrete detail)", null);
        }
        int words = lower.split("\\s+").length;
        return words >= 3 ? new Evidence(0.6, "\"" + text + "\" (described)", "needs specifics")
                : new Evidence(0.4, "\"" + text + "\" (vague)", "needs specifics");
    }

    private static boolean containsWord(String text, List<String> words) {
        for (String w : words) {
            int i = text.indexOf(w);
            while (i >= 0) {
                boolean start = i == 0 || !Character.isLetter(text.charAt(i - 1));
                int end = i + w.length();
                boolean stop = end == text.length() || !Character.isLetter(text.charAt(end));
                if (start && stop) {
                    return true;
                }
                i = text.indexOf(w, i + 1);
            }
        }
        return false;
    }
}
