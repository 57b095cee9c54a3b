package io.spacecomp.orbit.shell;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static io.spacecomp.orbit.shell.WalkerShellTest.assertRejects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SatIdTest {

    @Test
    void indicesBelowOneAreRejectedNamingTheField() {
        assertRejects("sat", () -> new SatId(0, 1));
        assertRejects("sat", () -> new SatId(-3, 1));
        assertRejects("orb", () -> new SatId(1, 0));
        assertRejects("orb", () -> new SatId(1, -3));
    }

    @Test
    void nodeNumberIsOrbMinusOneTimesMPlusSat() {
        // M = 4: (1,1) -> 1, (4,1) -> 4, (1,2) -> 5, (3,2) -> (2-1)*4+3 = 7, (4,5) -> 20
        assertEquals(1, new SatId(1, 1).node(4));
        assertEquals(4, new SatId(4, 1).node(4));
        assertEquals(5, new SatId(1, 2).node(4));
        assertEquals(7, new SatId(3, 2).node(4));
        assertEquals(20, new SatId(4, 5).node(4));
        assertEquals(9_999, new SatId(99, 100).node(100));
    }

    @Test
    void nodeRejectsASatIndexBeyondThePlane() {
        // (5,1) with M = 4 would otherwise collide with (1,2) = node 5
        assertRejects("sat", () -> new SatId(5, 1).node(4));
    }

    @Test
    void fromNodeInvertsNode() {
        assertEquals(new SatId(3, 2), SatId.fromNode(7, 4));
        assertEquals(new SatId(4, 1), SatId.fromNode(4, 4));
        assertEquals(new SatId(1, 2), SatId.fromNode(5, 4));
        for (int m : new int[] {3, 4, 7}) {
            for (int node = 1; node <= 5 * m; node++) {
                SatId id = SatId.fromNode(node, m);
                assertTrue(id.sat() <= m);
                assertEquals(node, id.node(m));
            }
        }
    }

    @Test
    void fromNodeValidatesItsArguments() {
        assertRejects("node", () -> SatId.fromNode(0, 4));
        assertRejects("node", () -> SatId.fromNode(-1, 4));
        assertRejects("satsPerPlane", () -> SatId.fromNode(3, 0));
    }

    @Test
    void parseReadsSatCommaOrb() {
        assertEquals(new SatId(3, 7), SatId.parse("3,7"));
        assertEquals(new SatId(3, 7), SatId.parse("  3 , 7 "));
        assertEquals(new SatId(12, 100), SatId.parse("12,100"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "3", "3,", ",7", "3,7,1", "a,b", "3.5,7", "3;7", "3 7"})
    void parseRejectsMalformedText(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SatId.parse(text));
        assertTrue(e.getMessage().contains("sat,orb"), e.getMessage());
        assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
    }

    @Test
    void parseRejectsOutOfRangeIndicesNamingTheField() {
        assertRejects("orb", () -> SatId.parse("3,0"));
        assertRejects("sat", () -> SatId.parse("-1,2"));
    }

    @Test
    void ordersInNodeOrderAndPrintsAsPair() {
        List<SatId> ids = new ArrayList<>(List.of(new SatId(1, 2), new SatId(3, 1), new SatId(2, 2), new SatId(1, 1)));
        ids.sort(null);
        assertEquals(List.of(new SatId(1, 1), new SatId(3, 1), new SatId(1, 2), new SatId(2, 2)), ids);
        assertEquals("(3,7)", new SatId(3, 7).toString());
        assertEquals(new SatId(3, 7), SatId.parse(new SatId(3, 7).toString().replaceAll("[()]", "")));
    }
}
