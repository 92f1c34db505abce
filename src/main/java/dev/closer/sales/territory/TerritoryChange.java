package dev.closer.sales.territory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * simulate_territory_change: moves accounts between two of the profile's stored territories on
 * paper and projects counts and utilisation (accounts / (reps × capacity per rep)) before and
 * after. Nothing is changed: every change requires approval.
 */
public final class TerritoryChange {

    public record Projection(String territory, int accountsBefore, int accountsAfter, double utilizationBefore,
                             double utilizationAfter, String statusAfter) {
    }

    public record Result(Projection from, Projection to, int accountsMoved, List<String> notInSource,
                         List<String> recommendations, boolean requiresApproval) {
    }

    public Result simulate(Territories.Territory from, Territories.Territory to, List<String> accountIds) {
        Set<String> inFrom = new HashSet<>(from.accountIds());
        List<String> missing = new ArrayList<>();
        int moved = 0;
        for (String id : new java.util.LinkedHashSet<>(accountIds)) {
            if (inFrom.contains(id)) {
                moved++;
            } else {
                missing.add(id);
            }
        }
        Projection pf = project(from, from.accountIds().size(), from.accountIds().size() - moved);
        Projection pt = project(to, to.accountIds().size(), to.accountIds().size() + moved);
        List<String> recs = new ArrayList<>();
        if (!missing.isEmpty()) {
            recs.add(missing.size() + " account(s) are not in " + from.name() + " and would not move: " + String.join(", ", missing));
        }
        if (pt.statusAfter().equals("overloaded")) {
            recs.add(to.name() + " would be overloaded (" + pt.utilizationAfter() + "): add capacity or move fewer accounts");
        }
        if (pf.statusAfter().equals("underutilized")) {
            recs.add(from.name() + " would be underutilized (" + pf.utilizationAfter() + "): consider rebalancing its reps");
        }
        if (recs.isEmpty()) {
            recs.add("Both territories stay balanced; submit the change for approval");
        }
        return new Result(pf, pt, moved, missing, recs, true);
    }

    private static Projection project(Territories.Territory t, int before, int after) {
        int threshold = Math.max(1, t.capacityPerRep());
        CapacityCoverage.Status b = CapacityCoverage.status(new CapacityCoverage.Territory(t.name(), before, t.repCount()), threshold);
        CapacityCoverage.Status a = CapacityCoverage.status(new CapacityCoverage.Territory(t.name(), after, t.repCount()), threshold);
        return new Projection(t.name(), before, after, b.utilization(), a.utilization(), a.status());
    }
}
