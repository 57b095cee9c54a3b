package io.spacecomp.emulator.fault;

import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.Torus;
import io.spacecomp.wire.Wire;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Overlapping live faults: a satellite comes up when the last fault holding it ends, and only then is it said so. */
class InjectedFaultsTest {

    private final Torus torus = new Torus(3, 3);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final List<String> heard = new CopyOnWriteArrayList<>();
    private final InjectedFaults faults = new InjectedFaults(torus, timer, new InjectedFaults.Listener() {
        @Override
        public void changed(String description, boolean start) {
            heard.add((start ? "down " : "up ") + description);
        }

        @Override
        public void crashed(SatId sat) {
            heard.add("crashed " + sat);
        }
    });

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    private LiveFault satelliteDown(double forS) {
        return LiveFault.parse(Wire.parse(("{\"satellite\": [[2, 2]], \"state\": \"down\", \"down_s\": " + forS + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8)), torus);
    }

    @Test
    void aShortFaultInsideALongerOneEndsSilentlyAndTheSatelliteStaysDownUntilTheLongerEnds() throws Exception {
        SatId sat = new SatId(2, 2);
        faults.apply(satelliteDown(3));
        faults.apply(satelliteDown(0.3));
        assertEquals(2, heard.size(), heard.toString());
        Thread.sleep(1_000); // the short one's time is up; the long one holds the satellite
        assertFalse(faults.injectedUp(sat));
        assertEquals(2, heard.size(), "no end reported while a later fault holds it down: " + heard);
        long until = System.nanoTime() + 10_000_000_000L;
        while (!faults.injectedUp(sat) && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        assertTrue(faults.injectedUp(sat), "up once the longer fault ended");
        Thread.sleep(200); // its end is reported right after the state changes
        assertEquals(3, heard.size(), heard.toString());
        assertTrue(heard.get(2).startsWith("up "), heard.toString());
    }
}
