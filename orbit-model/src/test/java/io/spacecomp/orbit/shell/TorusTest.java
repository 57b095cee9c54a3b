package io.spacecomp.orbit.shell;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.spacecomp.orbit.shell.WalkerShellTest.assertRejects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TorusTest {

    /** N = 5 planes, M = 4 satellites per plane. */
    private final Torus t = new Torus(5, 4);

    private static SatId id(int sat, int orb) {
        return new SatId(sat, orb);
    }

    @Test
    void rejectsTooSmallTori() {
        assertRejects("planes", () -> new Torus(2, 5));
        assertRejects("satsPerPlane", () -> new Torus(5, 2));
    }

    @Test
    void neighboursWrapAroundBothDimensions() {
        // (1,1) in 5x4: ahead (2,1), behind wraps to (4,1), east (1,2), west wraps to (1,5)
        assertEquals(List.of(id(2, 1), id(4, 1), id(1, 2), id(1, 5)), t.neighbours(id(1, 1)));
        // (4,5): ahead wraps to (1,5), behind (3,5), east wraps to (4,1), west (4,4)
        assertEquals(List.of(id(1, 5), id(3, 5), id(4, 1), id(4, 4)), t.neighbours(id(4, 5)));
        assertEquals(id(3, 3), t.neighbour(id(2, 3), Direction.AHEAD));
        assertEquals(id(2, 4), t.neighbour(id(2, 3), Direction.EAST));
    }

    @Test
    void neighbourRelationIsSymmetricAndOppositeDirectionsReturn() {
        for (int o = 1; o <= 5; o++) {
            for (int s = 1; s <= 4; s++) {
                SatId a = id(s, o);
                for (Direction d : Direction.values()) {
                    SatId b = t.neighbour(a, d);
                    assertEquals(a, t.neighbour(b, d.opposite()));
                    assertTrue(t.areNeighbours(a, b));
                    assertTrue(t.areNeighbours(b, a));
                    assertEquals(1, t.hops(a, b));
                }
            }
        }
    }

    @Test
    void areNeighboursRejectsNonNeighbours() {
        assertFalse(t.areNeighbours(id(1, 1), id(1, 1)));
        assertFalse(t.areNeighbours(id(1, 1), id(2, 2)));   // diagonal
        assertFalse(t.areNeighbours(id(1, 1), id(3, 1)));   // two steps in-plane
        assertFalse(t.areNeighbours(id(1, 1), id(1, 3)));   // two planes over
        assertTrue(t.areNeighbours(id(4, 2), id(1, 2)));    // in-plane wrap
        assertTrue(t.areNeighbours(id(2, 5), id(2, 1)));    // cross-plane wrap
    }

    @Test
    void signedStepsTakeTheShorterWayAndTiesGoPositive() {
        // M = 4: 1->2 = +1, 1->4 = -1 (wrap), 1->3 = +2 (tie: half-way round goes AHEAD), 3->1 also +2
        assertEquals(1, t.satSteps(id(1, 1), id(2, 1)));
        assertEquals(-1, t.satSteps(id(1, 1), id(4, 1)));
        assertEquals(1, t.satSteps(id(4, 1), id(1, 1)));
        assertEquals(2, t.satSteps(id(1, 1), id(3, 1)));
        assertEquals(2, t.satSteps(id(3, 1), id(1, 1)));
        assertEquals(0, t.satSteps(id(3, 1), id(3, 4)));
        // N = 5 (odd, no tie): 1->3 = +2, 1->4 = -2, 1->5 = -1, 5->1 = +1, 4->1 = +2
        assertEquals(2, t.orbSteps(id(1, 1), id(1, 3)));
        assertEquals(-2, t.orbSteps(id(1, 1), id(1, 4)));
        assertEquals(-1, t.orbSteps(id(1, 1), id(1, 5)));
        assertEquals(1, t.orbSteps(id(1, 5), id(1, 1)));
        assertEquals(2, t.orbSteps(id(1, 4), id(1, 1)));
        // even N: tie goes EAST (positive) both ways
        Torus six = new Torus(6, 3);
        assertEquals(3, six.orbSteps(id(1, 1), id(1, 4)));
        assertEquals(3, six.orbSteps(id(1, 4), id(1, 1)));
        assertEquals(Direction.EAST, Direction.crossPlane(six.orbSteps(id(1, 4), id(1, 1))));
    }

    @Test
    void wrapSignedStaysInHalfOpenRange() {
        for (int n = 3; n <= 8; n++) {
            for (int delta = -3 * n; delta <= 3 * n; delta++) {
                int w = Torus.wrapSigned(delta, n);
                assertTrue(2 * w > -n && 2 * w <= n, "n=" + n + " delta=" + delta + " -> " + w);
                assertEquals(0, Math.floorMod(delta - w, n));
            }
        }
    }

    @Test
    void hopsIsTorusManhattanDistance() {
        assertEquals(0, t.hops(id(2, 3), id(2, 3)));
        // (1,1) -> (3,4): |+2| in-plane + |-2| cross-plane = 4
        assertEquals(4, t.hops(id(1, 1), id(3, 4)));
        // (4,5) -> (1,1): +1 in-plane (wrap) and +1 cross-plane (wrap) = 2
        assertEquals(2, t.hops(id(4, 5), id(1, 1)));
        // maximum in 5x4: 2 + 2
        int max = 0;
        for (int o = 1; o <= 5; o++) {
            for (int s = 1; s <= 4; s++) {
                max = Math.max(max, t.hops(id(1, 1), id(s, o)));
                assertEquals(t.hops(id(1, 1), id(s, o)), t.hops(id(s, o), id(1, 1)));
            }
        }
        assertEquals(4, max);
        assertEquals(20, t.size());
    }
}
