package io.spacecomp.emulator.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spacecomp.wire.Wire;
import io.spacecomp.orbit.shell.SatId;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Our MT19937 against CPython 3.11's {@code random}: every expected value below was printed by
 * /usr/bin/python3 when this test was written (e.g. {@code random.seed(5); [random.getrandbits(32) for _ in
 * range(3)]}), and is kept here as a constant.
 */
class PythonRandomTest {

    @Test
    void theRawOutputIsCpythonsForTheSameSeed() {
        PythonRandom r = new PythonRandom(5);
        assertEquals(List.of(2675342405L, 1097127993L, 3185950873L), List.of(r.nextUint32(), r.nextUint32(), r.nextUint32()));
    }

    @Test
    void shuffleIsCpythonsShuffle() {
        // random.seed(1); x = list(range(10)); random.shuffle(x)
        List<Integer> x = IntStream.range(0, 10).boxed().collect(Collectors.toCollection(ArrayList::new));
        new PythonRandom(1).shuffle(x);
        assertEquals(List.of(6, 8, 9, 7, 5, 3, 0, 4, 1, 2), x);
    }

    /** The first 12 satellites of job.py's AOI for -mi 3 -ma 8 -s SEED (random.seed(SEED); random.shuffle(aoi)). */
    @Test
    void jobRequestListsJobPysAoiForTheSameSeed() {
        assertAoi(1, "[8, 7], [6, 7], [3, 5], [8, 3], [6, 4], [7, 6], [6, 8], [5, 8], [8, 6], [4, 7], [4, 8], [6, 3]");
        assertAoi(7, "[8, 4], [7, 3], [4, 7], [3, 8], [7, 8], [7, 6], [4, 5], [6, 8], [5, 5], [5, 3], [7, 7], [6, 7]");
        assertAoi(42, "[4, 6], [5, 3], [3, 8], [7, 6], [8, 5], [6, 4], [8, 3], [7, 4], [6, 7], [7, 5], [8, 4], [4, 7]");
        assertAoi(0, "[3, 3], [6, 4], [5, 5], [6, 6], [6, 7], [5, 8], [8, 6], [8, 3], [4, 4], [3, 8], [4, 7], [5, 4]");
        assertAoi(123456789, "[7, 6], [7, 5], [6, 3], [5, 7], [3, 6], [6, 8], [3, 5], [3, 4], [5, 6], [4, 6], [4, 4], [4, 7]");
        // a seed wider than 32 bits (two key words), and a negative one (Python seeds with its absolute value)
        assertAoi((1L << 40) + 5, "[4, 5], [6, 3], [7, 8], [4, 8], [4, 7], [4, 6], [6, 4], [6, 7], [5, 7], [8, 3], [5, 4], [4, 3]");
        assertAoi(-3, "[5, 5], [4, 8], [3, 8], [6, 7], [4, 6], [7, 8], [5, 4], [5, 7], [3, 4], [7, 5], [6, 6], [7, 3]");
    }

    @Test
    void theGridIncludesMaxsatAsJobPysRangeDoes() {
        // leopymr's CI flags: -mi 3 -ma 8 is a 6 x 6 grid (36 satellites), room for -c 15
        List<SatId> aoi = request(1, 3, 8).aoi();
        assertEquals(36, aoi.size());
        assertEquals(36, aoi.stream().distinct().count());
        assertEquals(1, request(1, 4, 4).aoi().size());
        assertThrows(IllegalArgumentException.class, () -> request(1, 5, 4));
    }

    @Test
    void getrandbitsTakesTheTopBits() {
        PythonRandom a = new PythonRandom(5);
        PythonRandom b = new PythonRandom(5);
        assertEquals(a.nextUint32() >>> 29, b.getrandbits(3));
        assertThrows(IllegalArgumentException.class, () -> b.getrandbits(33));
    }

    private static JobRequest request(long seed, int min, int max) {
        ObjectNode data = Wire.object();
        data.put("filename", "corpus.txt");
        return new JobRequest(15, min, max, seed, "bipartite", "center", "doccollector", "mergecombiner", "wordcountmapper",
                "sumreducer", 1024, data, false);
    }

    private static void assertAoi(long seed, String first12) {
        String got = request(seed, 3, 8).aoi().subList(0, 12).stream().map(s -> "[" + s.sat() + ", " + s.orb() + "]")
                .collect(Collectors.joining(", "));
        assertEquals(first12, got, "seed " + seed);
    }
}
