package io.spacecomp.scenario;

import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.protocol.FailurePolicy;
import io.spacecomp.sim.fault.FaultEvent;
import io.spacecomp.sim.fault.FaultPlan;
import io.spacecomp.sim.fault.LinkId;
import io.spacecomp.sim.fault.Outage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scenario's {@code faults} section and {@code job.on_failure}: every key checked, errors name path and line. */
class FaultsSectionTest {

    private static final String BASE = String.join("\n",
            "name: t",
            "constellation:",
            "  walker: {planes: 11, sats: 11, inclination_deg: 87, altitude_km: 530}",
            "");

    private static final String FAULTS = String.join("\n",
            "job: {on_failure: replan}",
            "faults:",
            "  hop_attempts: 4",
            "  schedule:                       # exact events",
            "    - {at_s: 0.5, satellite: [3, 4], down_s: 10}",
            "    - {at_s: 1.0, link: [[3, 4], [3, 5]], down_s: 2}",
            "    - {at_s: 2.0, plane: 7, down_s: 60, crash: true}",
            "    - {at_s: 3.0, satellite: [[1, 1], [2, 2]], crash: true}",
            "    - {at_s: 4.0, partition: [9, 10], down_s: 5}",
            "  random: {satellite_mtbf_s: 3600, repair_s: 60, message_loss: 0.001, duplicate: 0.001}",
            "");

    private static Scenario parse(String yaml) {
        return ScenarioReader.parse(yaml, "t.yaml", null, "t").base();
    }

    @Test
    void theIssuesExampleReadsIntoAPlan() {
        Scenario s = parse(BASE + FAULTS);
        assertEquals(FailurePolicy.REPLAN, s.job().onFailure());
        FaultPlan p = s.faults();
        assertEquals(4, p.hopAttempts());
        assertEquals(FaultPlan.DEFAULT_HOP_TIMEOUT_S, p.hopTimeoutS());
        assertEquals(new FaultEvent.SatelliteDown(0.5, List.of(new SatId(3, 4)), 10.0, Outage.DOWN), p.schedule().get(0));
        assertEquals(new FaultEvent.LinkDown(1.0, List.of(new LinkId(new SatId(3, 4), new SatId(3, 5))), 2.0), p.schedule().get(1));
        assertEquals(new FaultEvent.PlaneDown(2.0, 7, 60.0, Outage.CRASH), p.schedule().get(2));
        assertEquals(new FaultEvent.SatelliteDown(3.0, List.of(new SatId(1, 1), new SatId(2, 2)), Double.POSITIVE_INFINITY,
                Outage.CRASH), p.schedule().get(3));
        assertEquals(new FaultEvent.Partition(4.0, List.of(9, 10), 5.0), p.schedule().get(4));
        assertEquals(3600.0, p.random().satelliteMtbfS());
        assertEquals(0.001, p.random().messageLoss());
        assertEquals(0.001, p.random().duplicate());
    }

    @Test
    void withoutTheSectionNothingIsInjected() {
        Scenario s = parse(BASE);
        assertSame(FaultPlan.NONE, s.faults());
        assertEquals(FailurePolicy.FAIL, s.job().onFailure());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "faults: {schedule: [{at_s: 1, sattelite: [3, 4]}]}|faults.schedule[0].sattelite|unknown key (allowed here: at_s, satellite",
            "faults: {schedule: [{at_s: 1}]}|faults.schedule[0]|give exactly one of satellite, link, plane or partition",
            "faults: {schedule: [{at_s: -1, plane: 3}]}|faults.schedule[0].at_s|-1 is not in [0, 1000000000]",
            "faults: {schedule: [{at_s: 1, plane: 12}]}|faults.schedule[0].plane|12 is not in [1, 11]",
            "faults: {schedule: [{at_s: 1, satellite: [12, 1]}]}|faults.schedule[0].satellite[0]|12 is not in [1, 11]",
            "faults: {schedule: [{at_s: 1, satellite: [1, 2, 3]}]}|faults.schedule[0].satellite|a satellite is written [sat, orb]",
            "faults: {schedule: [{at_s: 1, link: [[3, 4], [5, 5]]}]}|faults.schedule[0].link|(3,4) and (5,5) are not torus neighbours",
            "faults: {schedule: [{at_s: 1, link: [[3, 4], [3, 5]], crash: true}]}|faults.schedule[0].crash|only a satellite or a plane crashes",
            "faults: {schedule: [{at_s: 1, partition: [2, 2]}]}|faults.schedule[0].partition[1]|plane 2 is listed twice",
            "faults: {schedule: [{at_s: 1, plane: 2, down_s: 0}]}|faults.schedule[0].down_s|0 is not in [0.001, 1000000000]",
            "faults: {random: {message_loss: 0.9}}|faults.random.message_loss|0.9 is not in [0, 0.5]",
            "faults: {random: {mtbf: 5}}|faults.random.mtbf|unknown key (allowed here: satellite_mtbf_s",
            "faults: {random: {delay: 0.5}}|faults.random|'delay' needs 'delay_s'",
            "faults: {hop_attempts: 0}|faults.hop_attempts|0 is not in [1, 20]",
            "faults: {schedules: []}|faults.schedules|unknown key (allowed here: schedule, random, hop_attempts, hop_timeout_s)",
            "job: {on_failure: retry}|job.on_failure|'retry' is not one of fail, replan",
    })
    void everyBadFaultNamesItsKeyPathAndLine(String extra, String keyPath, String problem) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> parse(BASE + extra + "\n"));
        assertEquals(keyPath, e.keyPath(), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        assertEquals(4, e.line(), e.getMessage());
    }

    @Test
    void simulateReadsTheSectionFromAFileOfItsOwn(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("faults.yaml");
        Files.writeString(file, FAULTS.substring(FAULTS.indexOf("faults:")));
        FaultPlan p = ScenarioReader.readFaults(file, 11, 11);
        assertEquals(5, p.schedule().size());
        Files.writeString(file, "faults:\n  schedule:\n    - {at_s: 1, plane: 30}\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioReader.readFaults(file, 11, 11));
        assertEquals("faults.schedule[0].plane", e.keyPath());
        assertEquals(3, e.line());
        Files.writeString(file, "falts: {}\n");
        assertEquals("falts", assertThrows(ScenarioException.class, () -> ScenarioReader.readFaults(file, 11, 11)).keyPath());
    }
}
