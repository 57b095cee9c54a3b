package io.spacecomp.orbit.orekit;

import org.junit.jupiter.api.Test;
import org.orekit.time.AbsoluteDate;
import org.orekit.time.TimeScale;
import org.orekit.time.UTCScale;
import org.orekit.time.UTCTAIOffset;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The leap-second table on the class path makes UTC work with no network and no orekit-data folder. */
class OrekitDataTest {

    @Test
    void leapSecondTableIsOnTheClassPath() {
        assertNotNull(OrekitDataTest.class.getClassLoader().getResource(OrekitData.LEAP_SECONDS_RESOURCE));
    }

    @Test
    void utcOffsetsFromTheClassPathTable() {
        TimeScale utc = OrekitData.utc();
        // UTC − TAI (s), negative: TAI is ahead.
        // TAI − UTC = 37 s since 2017-01-01 (the last leap second, 2016-12-31T23:59:60).
        assertEquals(-37.0, utc.offsetFromTAI(new AbsoluteDate(2017, 1, 1, 0, 0, 0.0, utc)).toDouble(), 0.0);
        assertEquals(-37.0, utc.offsetFromTAI(new AbsoluteDate(2025, 6, 1, 12, 0, 0.0, utc)).toDouble(), 0.0);
        assertEquals(-36.0, utc.offsetFromTAI(new AbsoluteDate(2016, 12, 31, 12, 0, 0.0, utc)).toDouble(), 0.0);
        assertEquals(-36.0, utc.offsetFromTAI(new AbsoluteDate(2015, 7, 1, 0, 0, 0.0, utc)).toDouble(), 0.0);
        assertEquals(-35.0, utc.offsetFromTAI(new AbsoluteDate(2015, 6, 30, 23, 59, 59.0, utc)).toDouble(), 0.0);
        assertEquals(-32.0, utc.offsetFromTAI(new AbsoluteDate(2005, 12, 31, 0, 0, 0.0, utc)).toDouble(), 0.0);
        assertEquals(-22.0, utc.offsetFromTAI(new AbsoluteDate(1985, 6, 30, 0, 0, 0.0, utc)).toDouble(), 0.0);
        assertEquals(-10.0, utc.offsetFromTAI(new AbsoluteDate(1972, 1, 1, 0, 0, 0.0, utc)).toDouble(), 0.0);
    }

    @Test
    void allTwentySevenLeapSecondsAreLoaded() {
        List<UTCTAIOffset> offsets = ((UTCScale) OrekitData.utc()).getUTCTAIOffsets();
        TimeScale utc = OrekitData.utc();
        AbsoluteDate start1972 = new AbsoluteDate(1972, 1, 1, 0, 0, 0.0, utc);
        long since1972 = offsets.stream().filter(o -> o.getValidityStart().compareTo(start1972) >= 0).count();
        assertEquals(28, since1972, "1972-01-01 (10 s) plus 27 leap seconds up to 2017-01-01 (37 s)");
    }

    @Test
    void initIsIdempotentAndThreadSafe() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<TimeScale>> calls = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                calls.add(() -> {
                    OrekitData.init();
                    return OrekitData.utc();
                });
            }
            List<Future<TimeScale>> results = pool.invokeAll(calls);
            TimeScale first = results.get(0).get();
            for (Future<TimeScale> f : results) {
                assertSame(first, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        OrekitData.init();
        assertEquals(-37.0, OrekitData.utc().offsetFromTAI(OrekitData.date("2024-02-29T00:00:00Z")).toDouble(), 0.0);
    }

    @Test
    void isoDatesRoundTripInUtc() {
        AbsoluteDate d = OrekitData.date("2025-01-01T00:00:00Z");
        assertEquals("2025-01-01T00:00:00Z", OrekitData.iso(d));
        assertEquals(3600.0, OrekitData.date("2025-01-01T01:00:00Z").durationFrom(d), 1e-9);
    }

    @Test
    void badDateTextIsRejectedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OrekitData.date("yesterday"));
        assertTrue(e.getMessage().contains("yesterday"), e.getMessage());
    }
}
