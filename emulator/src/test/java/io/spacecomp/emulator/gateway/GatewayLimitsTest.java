package io.spacecomp.emulator.gateway;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GatewayLimitsTest {

    @Test
    void theSilenceGrowsWithPlaneProcessesPerCoreBetweenFiveSecondsAndAMinute() {
        assertEquals(Duration.ofSeconds(5), GatewayLimits.silenceFor(11, 2), "11 planes on 2 cores: 2.75 s, at least 5");
        assertEquals(Duration.ofSeconds(5), GatewayLimits.silenceFor(20, 2), "10 a core: 5 s");
        assertEquals(Duration.ofSeconds(25), GatewayLimits.silenceFor(100, 2), "50 a core: 25 s");
        assertEquals(Duration.ofMillis(6_250), GatewayLimits.silenceFor(100, 8));
        assertEquals(Duration.ofSeconds(60), GatewayLimits.silenceFor(1_000, 2), "at most a minute");
        assertThrows(IllegalArgumentException.class, () -> GatewayLimits.silenceFor(0, 2));
        assertThrows(IllegalArgumentException.class, () -> GatewayLimits.silenceFor(4, 0));
    }

    @Test
    void aDataBudgetIsAnEighthOfAPlanesHeap() {
        assertEquals(32L << 20, GatewayLimits.dataBytesFor(256L << 20));
        assertEquals(GatewayLimits.MIN_JOB_DATA_BYTES, GatewayLimits.dataBytesFor(256 << 10), "never under one job's minimum");
    }
}
