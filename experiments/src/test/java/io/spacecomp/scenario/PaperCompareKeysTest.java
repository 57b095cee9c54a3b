package io.spacecomp.scenario;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** compare.inclination_deg, compare.polar_protection and compare.f_r: the paper's figures only, checked. */
class PaperCompareKeysTest {

    private static final String SHELL = "constellation: {walker: {planes: 40, sats: 40, inclination_deg: 87, altitude_km: 530}}\n";

    private static ScenarioFile parse(String yaml) {
        return ScenarioReader.parse(yaml, "t.yaml", null, "t");
    }

    @Test
    void routingFiguresCompareInclinationsAndProtection() {
        Compare c = parse(SHELL + "experiment: routing-hops\ncompare: {router: [manhattan, shortest], cost: hops,\n"
                + "  inclination_deg: [53, 87.5], polar_protection: [true, false]}\n").base().compare();
        assertEquals(List.of(53.0, 87.5), c.inclinationsDeg());
        assertEquals(List.of(true, false), c.polarProtection());
        assertEquals(List.of(), c.reductionFactors());
        assertEquals(List.of("manhattan", "shortest"), c.routers());
    }

    @Test
    void reductionFactorFigureComparesFactors() {
        Compare c = parse(SHELL + "experiment: reduction-factor\ncompare: {reducer: [los, center, median], f_r: [2, 0.5]}\n")
                .base().compare();
        assertEquals(List.of(2.0, 0.5), c.reductionFactors());
        assertEquals(List.of(), c.inclinationsDeg());
    }

    @Test
    void otherExperimentsAndStudiesRefuseThem() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> parse(SHELL + "compare:\n  inclination_deg: [53, 87]\n"));
        assertTrue(e.getMessage().contains("compare.inclination_deg") && e.getMessage().contains("routing-distance")
                && e.getMessage().contains("study") && e.getMessage().startsWith("t.yaml:3: "), e.getMessage());
        e = assertThrows(ScenarioException.class, () -> parse(SHELL + "experiment: map-cost\ncompare: {f_r: [1, 2]}\n"));
        assertTrue(e.getMessage().contains("compare.f_r") && e.getMessage().contains("reduction-factor"), e.getMessage());
        e = assertThrows(ScenarioException.class, () -> parse(SHELL + "experiment: reduce-placement\ncompare: {polar_protection: [true]}\n"));
        assertTrue(e.getMessage().contains("compare.polar_protection"), e.getMessage());
    }

    @Test
    void badValuesNameTheirKey() {
        String routing = SHELL + "experiment: routing-distance\ncompare:\n";
        assertTrue(assertThrows(ScenarioException.class, () -> parse(routing + "  inclination_deg: [53, 53]\n"))
                .getMessage().contains("listed twice"));
        assertTrue(assertThrows(ScenarioException.class, () -> parse(routing + "  inclination_deg: [200]\n"))
                .getMessage().contains("compare.inclination_deg[0]"));
        assertTrue(assertThrows(ScenarioException.class, () -> parse(routing + "  inclination_deg: []\n"))
                .getMessage().contains("empty"));
        assertTrue(assertThrows(ScenarioException.class, () -> parse(routing + "  polar_protection: [maybe]\n"))
                .getMessage().contains("true or false"));
        assertTrue(assertThrows(ScenarioException.class, () -> parse(routing + "  polar_protections: [true]\n"))
                .getMessage().contains("unknown key"));
    }
}
