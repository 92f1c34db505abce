package dev.closer.sales.intelligence;

/** The statistics behind "confidence", kept in one place so the tool description can state them. */
final class Stats {

    private static final double Z95 = 1.959964;

    private Stats() {
    }

    /** Lower bound of the 95% Wilson score interval for {@code wins} out of {@code n}. */
    static double wilsonLower(int wins, int n) {
        if (n == 0) {
            return 0;
        }
        double p = wins / (double) n;
        double z2 = Z95 * Z95;
        double centre = p + z2 / (2 * n);
        double margin = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return (centre - margin) / (1 + z2 / n);
    }

    /**
     * Confidence that a segment's win rate really differs from the overall rate p0: 1 − the
     * two-sided p-value of a one-sample z-test, z = (p − p0) / sqrt(p0 (1 − p0) / n).
     */
    static double confidence(int wins, int n, double p0) {
        if (n == 0 || p0 <= 0 || p0 >= 1) {
            return 0;
        }
        double z = (wins / (double) n - p0) / Math.sqrt(p0 * (1 - p0) / n);
        return 2 * phi(Math.abs(z)) - 1;
    }

    /** Standard normal CDF (Abramowitz-Stegun 7.1.26 via erf; error below 1.5e-7). */
    static double phi(double x) {
        double t = 1 / (1 + 0.3275911 * Math.abs(x) / Math.sqrt(2));
        double y = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592)
                * t * Math.exp(-x * x / 2);
        return x >= 0 ? 0.5 * (1 + y) : 0.5 * (1 - y);
    }
}
