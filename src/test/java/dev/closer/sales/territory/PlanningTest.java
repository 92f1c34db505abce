package dev.closer.sales.territory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlanningTest {

    @Test
    void capacity_statuses_change_at_their_documented_boundaries() {
        var r = new CapacityCoverage().assess(List.of(
                new CapacityCoverage.Territory("none", 10, 0),
                new CapacityCoverage.Territory("at-1.2", 120, 2),
                new CapacityCoverage.Territory("over", 121, 2),
                new CapacityCoverage.Territory("way-over", 160, 2),
                new CapacityCoverage.Territory("at-0.5", 50, 2),
                new CapacityCoverage.Territory("under", 49, 2)), 50);
        var s = r.territories();
        assertEquals("no_rep", s.get(0).status());
        assertEquals("high", s.get(0).severity());
        assertEquals("balanced", s.get(1).status());
        assertEquals("overloaded", s.get(2).status());
        assertEquals("medium", s.get(2).severity());
        assertEquals("high", s.get(3).severity());
        assertEquals("balanced", s.get(4).status());
        assertEquals("underutilized", s.get(5).status());
        assertEquals(4, r.recommendations().size());
    }

    @Test
    void a_territory_change_is_projected_and_always_needs_approval() {
        var west = new Territories.Territory("West", 2, 50, List.of("a", "b", "c", "d"));
        var east = new Territories.Territory("East", 1, 3, List.of("e", "f"));
        var r = new TerritoryChange().simulate(west, east, List.of("a", "b", "zz"));
        assertEquals(2, r.accountsMoved());
        assertEquals(List.of("zz"), r.notInSource());
        assertEquals(2, r.from().accountsAfter());
        assertEquals(4, r.to().accountsAfter());
        assertEquals("overloaded", r.to().statusAfter());
        assertTrue(r.requiresApproval());
    }
}
