package io.spacecomp.placement;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Input validation, {@link Assignment} as a value, and {@link Allocators#byName(String, long)}. */
class ValidationAndLookupTest {

    private static final List<Allocator> ALL = List.of(new RandomAllocator(1), new EagerAllocator(),
            new HungarianAllocator(), new LapjvAllocator());

    private static void assertRejected(double[][] cost, String messagePart) {
        for (Allocator a : ALL) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.assign(cost),
                    a.name());
            assertTrue(e.getMessage().contains(messagePart),
                    a.name() + ": message '" + e.getMessage() + "' should contain '" + messagePart + "'");
        }
    }

    @Test
    void rejectsMoreRowsThanColumns() {
        assertRejected(new double[5][3],
                "cost matrix has 5 rows but only 3 columns; need at least as many candidate mappers as collectors");
    }

    @Test
    void rejectsNullAndEmpty() {
        assertRejected(null, "null");
        assertRejected(new double[0][], "no rows");
        assertRejected(new double[][] {{}}, "no columns");
        assertRejected(new double[][] {{1, 2}, null}, "row 1 is null");
    }

    @Test
    void rejectsRaggedMatrices() {
        assertRejected(new double[][] {{1, 2, 3}, {1, 2}}, "not rectangular: row 0 has 3 columns but row 1 has 2");
    }

    @Test
    void rejectsNonFiniteValues() {
        assertRejected(new double[][] {{1, 2}, {3, Double.NaN}}, "entry [1][1] is NaN");
        assertRejected(new double[][] {{Double.POSITIVE_INFINITY, 2}}, "entry [0][0] is Infinity");
        assertRejected(new double[][] {{1, Double.NEGATIVE_INFINITY}}, "must be finite");
    }

    @Test
    void assignmentIsAnImmutableValue() {
        int[] cols = {2, 0, 1};
        Assignment a = new Assignment(cols, 7.0);
        cols[0] = 9;
        assertArrayEquals(new int[] {2, 0, 1}, a.columnOfRow());
        a.columnOfRow()[1] = 9;
        assertEquals(0, a.columnOf(1));
        assertEquals(3, a.rows());
        assertEquals(new Assignment(new int[] {2, 0, 1}, 7.0), a);
        assertEquals(new Assignment(new int[] {2, 0, 1}, 7.0).hashCode(), a.hashCode());
        assertNotEquals(new Assignment(new int[] {2, 1, 0}, 7.0), a);
        assertTrue(a.toString().contains("[2, 0, 1]"));
        assertThrows(IllegalArgumentException.class, () -> new Assignment(new int[] {1, 1}, 0.0));
        assertThrows(IllegalArgumentException.class, () -> new Assignment(new int[] {-1}, 0.0));
        assertThrows(IllegalArgumentException.class, () -> new Assignment(null, 0.0));
        assertThrows(IllegalArgumentException.class, () -> new Assignment(new int[] {0}, Double.NaN));
        assertEquals(5.0, Assignment.of(new double[][] {{1, 2}, {3, 4}}, new int[] {1, 2 - 2}).totalCost(), 0.0);
    }

    @Test
    void byNameKnowsEveryAllocatorAndTheAlias() {
        assertInstanceOf(RandomAllocator.class, Allocators.byName("random", 7));
        assertEquals(7L, ((RandomAllocator) Allocators.byName("random", 7)).seed());
        assertInstanceOf(EagerAllocator.class, Allocators.byName("eager", 0));
        assertInstanceOf(HungarianAllocator.class, Allocators.byName("hungarian", 0));
        assertInstanceOf(HungarianAllocator.class, Allocators.byName("bipartite", 0));
        assertInstanceOf(LapjvAllocator.class, Allocators.byName("lapjv", 0));
        assertInstanceOf(LapjvAllocator.class, Allocators.byName(" LAPJV ", 0));
        for (String name : Allocators.NAMES) {
            Allocator a = Allocators.byName(name, 1);
            String expected = name.equals("bipartite") ? "hungarian" : name;
            assertEquals(expected, a.name());
        }
    }

    @Test
    void byNameRejectsUnknownNamesListingTheAllowedOnes() {
        for (String bad : new String[] {"greedy", "", "auction"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Allocators.byName(bad, 0));
            assertTrue(e.getMessage().contains("unknown allocator '" + bad + "'"), e.getMessage());
            for (String allowed : List.of("random", "eager", "hungarian", "bipartite", "lapjv")) {
                assertTrue(e.getMessage().contains(allowed), e.getMessage());
            }
        }
        assertThrows(IllegalArgumentException.class, () -> Allocators.byName(null, 0));
    }
}
