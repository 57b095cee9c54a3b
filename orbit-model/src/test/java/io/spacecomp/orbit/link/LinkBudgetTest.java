package io.spacecomp.orbit.link;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LinkBudgetTest {

    private static final LinkBudget PAPER = LinkBudget.PAPER_DEFAULT;
    /** V = 10 GB per collect task (decimal gigabytes). */
    private static final double TEN_GB = 10e9;

    private static void assertRejects(String field, Executable e) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().startsWith(field + " "), ex.getMessage());
    }

    private static void assertWithinPercent(double expected, double actual, double percent) {
        assertEquals(expected, actual, Math.abs(expected) * percent / 100.0, "expected " + expected + " got " + actual);
    }

    @Test
    void validationNamesTheField() {
        assertRejects("bandwidthHz", () -> new LinkBudget(0.0, 5, 62.5, 62.5, 300, 1550e-9));
        assertRejects("bandwidthHz", () -> new LinkBudget(Double.NaN, 5, 62.5, 62.5, 300, 1550e-9));
        assertRejects("bandwidthHz", () -> new LinkBudget(Double.POSITIVE_INFINITY, 5, 62.5, 62.5, 300, 1550e-9));
        assertRejects("transmitPowerW", () -> new LinkBudget(10e9, -5, 62.5, 62.5, 300, 1550e-9));
        assertRejects("transmitGainDbi", () -> new LinkBudget(10e9, 5, Double.NaN, 62.5, 300, 1550e-9));
        assertRejects("receiveGainDbi", () -> new LinkBudget(10e9, 5, 62.5, Double.NEGATIVE_INFINITY, 300, 1550e-9));
        assertRejects("noiseTemperatureK", () -> new LinkBudget(10e9, 5, 62.5, 62.5, 0.0, 1550e-9));
        assertRejects("wavelengthM", () -> new LinkBudget(10e9, 5, 62.5, 62.5, 300, -1550e-9));
        // negative gains in dBi are legal (a lossy antenna)
        new LinkBudget(10e9, 5, -3.0, -3.0, 300, 1550e-9);
        assertRejects("distanceKm", () -> PAPER.capacityBitsPerS(0.0));
        assertRejects("distanceKm", () -> PAPER.capacityBitsPerS(-1.0));
        assertRejects("distanceKm", () -> PAPER.capacityBitsPerS(Double.NaN));
        assertRejects("bytes", () -> PAPER.transmissionTimeS(100.0, -1.0));
        assertRejects("bytes", () -> PAPER.transmissionTimeS(100.0, Double.NaN));
    }

    @Test
    void paperDefaultsAreTableTwo() {
        assertEquals(new LinkBudget(10e9, 5.0, 62.5, 62.5, 300.0, 1550e-9), PAPER);
    }

    @Test
    void snrAt433KmHandComputed() {
        // P·Gt·Gr = 5 · 10^(125/10) = 5 · 3.16228e12 = 1.58114e13
        // kB·NT·B = 1.380649e-23 · 300 · 1e10 = 4.14195e-11
        // 4πd/λ = 4π · 433e3 / 1550e-9 = 3.51048e12; FSPL = (3.51048e12)² = 1.23234e25
        // SNR = 1.58114e13 / (4.14195e-11 · 1.23234e25) = 1.58114e13 / 5.10430e14 = 0.0309766
        assertWithinPercent(1.23234e25, PAPER.freeSpacePathLoss(433.0), 0.01);
        assertWithinPercent(0.0309766, PAPER.snr(433.0), 0.01);
    }

    @Test
    void capacityAt433KmIsAbout044Gbps() {
        // C = B·log2(1 + SNR) = 1e10 · log2(1.0309766) = 1e10 · 0.0440115 = 4.40115e8 bit/s ≈ 0.44 Gbit/s
        assertWithinPercent(0.440115e9, PAPER.capacityBitsPerS(433.0), 1.0);
        assertWithinPercent(0.44e9, PAPER.capacityBitsPerS(433.0), 1.0);
    }

    @Test
    void capacityAt22_7KmIsAbout36Gbps() {
        // FSPL scales with d²: SNR(22.7) = 0.0309766 · (433/22.7)² = 0.0309766 · 363.85 = 11.2709
        // C = 1e10 · log2(12.2709) = 1e10 · 3.61717 = 3.61717e10 bit/s ≈ 36 Gbit/s
        assertWithinPercent(11.2709, PAPER.snr(22.7), 0.01);
        assertWithinPercent(36.1717e9, PAPER.capacityBitsPerS(22.7), 1.0);
        assertWithinPercent(36e9, PAPER.capacityBitsPerS(22.7), 1.0);
    }

    @Test
    void capacityFallsWithDistance() {
        double previous = Double.POSITIVE_INFINITY;
        for (double d = 1.0; d <= 5000.0; d *= 1.7) {
            double c = PAPER.capacityBitsPerS(d);
            assertTrue(c < previous);
            previous = c;
        }
        // far away SNR ≪ 1 and C ≈ B·SNR/ln2: SNR ∝ 1/d², so doubling d quarters the capacity
        assertEquals(4.0, PAPER.capacityBitsPerS(50_000.0) / PAPER.capacityBitsPerS(100_000.0), 0.01);
    }

    @Test
    void transmissionTimeIsPropagationPlusSerialisation() {
        // d = 433 km: d/c = 433 / 299792.458 = 0.00144433 s; 8V/C = 8e10 / 4.40115e8 = 181.7706 s;
        // S = 181.7720 s
        assertEquals(0.00144433, LinkBudget.propagationDelayS(433.0), 1e-8);
        double s433 = PAPER.transmissionTimeS(433.0, TEN_GB);
        assertWithinPercent(181.772, s433, 1.0);
        assertEquals(433.0 / 299_792.458 + 8.0 * TEN_GB / PAPER.capacityBitsPerS(433.0), s433, 1e-9);
        // d = 22.7 km: d/c = 7.572e-5 s; 8V/C = 8e10 / 3.61717e10 = 2.21168 s; S = 2.21175 s
        double s22 = PAPER.transmissionTimeS(22.7, TEN_GB);
        assertWithinPercent(2.21175, s22, 1.0);
        // no data: only the light time
        assertEquals(433.0 / 299_792.458, PAPER.transmissionTimeS(433.0, 0.0), 1e-15);
        // twice the data, twice the serialisation
        assertEquals(2.0 * (s433 - 433.0 / 299_792.458),
                PAPER.transmissionTimeS(433.0, 2 * TEN_GB) - 433.0 / 299_792.458, 1e-9);
    }
}
