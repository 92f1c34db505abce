package dev.closer.sales.territory;

import java.util.ArrayList;
import java.util.List;

/**
 * assess_capacity_coverage: utilisation = accounts / (reps × capacity_threshold). Status: no_rep
 * (accounts but no rep: severity high), overloaded (utilisation above 1.2: high above 1.5, else
 * medium), underutilized (below 0.5: low), else balanced. Overall: total accounts over total
 * capacity.
 */
public final class CapacityCoverage {

    public record Territory(String name, int accountCount, int repCount) {
    }

    public record Status(String name, int accountCount, int repCount, double utilization, String status, String severity,
                         String recommendation) {
    }

    public record Report(List<Status> territories, double overallUtilization, int totalAccounts, int totalReps,
                         int capacityThreshold, List<String> recommendations) {
    }

    public Report assess(List<Territory> territories, int threshold) {
        List<Status> out = new ArrayList<>();
        List<String> recs = new ArrayList<>();
        int accounts = 0;
        int reps = 0;
        for (Territory t : territories) {
            accounts += t.accountCount();
            reps += t.repCount();
            Status s = status(t, threshold);
            out.add(s);
            if (!s.status().equals("balanced")) {
                recs.add(t.name() + ": " + s.recommendation());
            }
        }
        double overall = reps == 0 ? (accounts == 0 ? 0 : Double.POSITIVE_INFINITY) : accounts / (double) (reps * threshold);
        return new Report(out, Double.isInfinite(overall) ? -1 : round(overall), accounts, reps, threshold, recs);
    }

    static Status status(Territory t, int threshold) {
        if (t.repCount() == 0) {
            return t.accountCount() == 0
                    ? new Status(t.name(), 0, 0, 0, "underutilized", "low", "No accounts and no reps: merge or retire it")
                    : new Status(t.name(), t.accountCount(), 0, -1, "no_rep", "high", "Assign a rep: " + t.accountCount() + " accounts are uncovered");
        }
        double u = round(t.accountCount() / (double) (t.repCount() * threshold));
        if (u > 1.2) {
            return new Status(t.name(), t.accountCount(), t.repCount(), u, "overloaded", u > 1.5 ? "high" : "medium",
                    "Add " + (int) Math.ceil(t.accountCount() / (double) threshold - t.repCount()) + " rep(s) or move accounts out");
        }
        if (u < 0.5) {
            return new Status(t.name(), t.accountCount(), t.repCount(), u, "underutilized", "low",
                    "Move accounts in or reassign a rep");
        }
        return new Status(t.name(), t.accountCount(), t.repCount(), u, "balanced", "none", "Keep as is");
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
