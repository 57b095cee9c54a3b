package io.spacecomp.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The size estimate counts what it always counted: the simulator's link times depend on it. */
class MessageSizeTest {

    /** The formula every size was computed with before digits were counted by comparison. */
    private static long oldDigits(long x) {
        return x == 0 ? 1 : (long) Math.floor(Math.log10(Math.abs((double) x))) + (x < 0 ? 2 : 1);
    }

    @Test
    void digitsAgreeWithTheOldFormulaEverywhere() {
        for (long p = 1; p > 0 && p <= Long.MAX_VALUE / 10; p *= 10) {
            for (long x : new long[] {p - 1, p, p + 1, -p + 1, -p, -p - 1, 9 * p, 9 * p + (p - 1)}) {
                assertEquals(oldDigits(x), MessageSize.digits(x), "digits of " + x);
            }
        }
        SplittableRandom random = new SplittableRandom(15);
        for (int i = 0; i < 200_000; i++) {
            long x = random.nextLong() >> random.nextInt(64);
            assertEquals(oldDigits(x), MessageSize.digits(x), "digits of " + x);
        }
        for (long x : new long[] {Long.MIN_VALUE, Long.MAX_VALUE, 0, 1, -1}) {
            assertEquals(oldDigits(x), MessageSize.digits(x), "digits of " + x);
        }
    }

    @Test
    void aWordCountObjectIsItsCompactJsonLength() throws Exception {
        ObjectNode counts = JsonNodeFactory.instance.objectNode();
        counts.put("the", 3L).put("a", 1234567L).put("x", -5).put("ratio", 0.25).putNull("none");
        counts.putArray("list").add("ab").add(10);
        JsonNode v = counts;
        // {"the":3,"a":1234567,"x":-5,"ratio":0.25,"none":null,"list":["ab",10]} is 70 characters; the estimate
        // counts 4 per key (quotes, colon, comma) and 1 per array element (comma), so it is a little above.
        assertEquals(2 + (3 + 4 + 1) + (1 + 4 + 7) + (1 + 4 + 2) + (5 + 4 + 4) + (4 + 4 + 4) + (4 + 4 + 2 + (4 + 1) + (2 + 1)),
                MessageSize.json(v));
    }
}
