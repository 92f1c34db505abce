package dev.closer.sales.territory;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A range written the way sales people write it — "10M-100M", "$10-50M", "100M+", "500K-2M",
 * "50-500", "1000+", "<10M", "up to 5M" — parsed to numbers; {@code max} is null when open-ended.
 * A unit written only on the upper end applies to both ("$10-50M" is 10M to 50M).
 */
public record NumericRange(String text, double min, Double max) {

    private static final Pattern RANGE = Pattern.compile(
            "^\\$?\\s*([0-9][0-9,]*(?:\\.[0-9]+)?)\\s*([kmb]n?)?\\s*(?:-|–|to)\\s*\\$?\\s*([0-9][0-9,]*(?:\\.[0-9]+)?)\\s*([kmb]n?)?$");
    private static final Pattern OPEN = Pattern.compile("^(?:>=?|over|above)?\\s*\\$?\\s*([0-9][0-9,]*(?:\\.[0-9]+)?)\\s*([kmb]n?)?\\s*\\+?$");
    private static final Pattern UP_TO = Pattern.compile("^(?:<=?|under|below|up to)\\s*\\$?\\s*([0-9][0-9,]*(?:\\.[0-9]+)?)\\s*([kmb]n?)?$");

    public NumericRange {
        if (max != null && max < min) {
            throw new IllegalArgumentException("the range '" + text + "' ends below its start");
        }
    }

    /** Parses {@code text}; IllegalArgumentException (with the text) if it is not a range. */
    public static NumericRange parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace("usd", "").replace(" ", "");
        Matcher m = RANGE.matcher(t);
        if (m.matches()) {
            String lowUnit = m.group(2) != null ? m.group(2) : m.group(4);
            return new NumericRange(text.strip(), number(m.group(1), lowUnit), number(m.group(3), m.group(4)));
        }
        if (t.endsWith("+") || t.startsWith(">") || t.startsWith("over") || t.startsWith("above")) {
            Matcher o = OPEN.matcher(t);
            if (o.matches()) {
                return new NumericRange(text.strip(), number(o.group(1), o.group(2)), null);
            }
        }
        Matcher u = UP_TO.matcher(t);
        if (u.matches()) {
            return new NumericRange(text.strip(), 0, number(u.group(1), u.group(2)));
        }
        throw new IllegalArgumentException("'" + text + "' is not a range; write it like 10M-100M, $10-50M, 100M+ or 50-500");
    }

    private static double number(String digits, String unit) {
        double v = Double.parseDouble(digits.replace(",", ""));
        if (unit == null) {
            return v;
        }
        return switch (unit.charAt(0)) {
            case 'k' -> v * 1e3;
            case 'm' -> v * 1e6;
            case 'b' -> v * 1e9;
            default -> v;
        };
    }

    public boolean contains(double v) {
        return v >= min && (max == null || v <= max);
    }

    /**
     * 1.0 inside the range; outside, 1 − (orders of magnitude to the nearest bound), floored at 0:
     * twice the upper bound scores 0.70, ten times scores 0.
     */
    public double fit(double v) {
        if (contains(v)) {
            return 1.0;
        }
        double bound = v < min ? min : max;
        if (v <= 0 || bound <= 0) {
            return 0.0;
        }
        return Math.max(0.0, 1.0 - Math.abs(Math.log10(v / bound)));
    }
}
