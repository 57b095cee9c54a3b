package io.spacecomp.sim.fault;

import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.Torus;
import umontreal.ssj.rng.RandomStream;

import java.util.ArrayList;
import java.util.List;

/**
 * Faults drawn at random from the run's seed, each kind from its own stream (adding message loss never
 * moves a crash).
 *
 * @param satelliteMtbfS mean time between crashes of each satellite (s, exponential); infinite for none
 * @param repairS        how long a crashed satellite stays down before it comes back empty (s)
 * @param messageLoss    probability that one try of a hop is lost (it is retried)
 * @param duplicate      probability that a hop delivers its message twice
 * @param delay          probability that a hop takes an extra delay
 * @param delayS         the extra delay, uniform in [0, delayS) (s)
 */
public record RandomFaults(double satelliteMtbfS, double repairS, double messageLoss, double duplicate, double delay,
                           double delayS) {

    /** No random faults. */
    public static final RandomFaults NONE = new RandomFaults(Double.POSITIVE_INFINITY, 60.0, 0.0, 0.0, 0.0, 0.0);

    public RandomFaults {
        if (!(satelliteMtbfS > 0)) {
            throw new IllegalArgumentException("satellite_mtbf_s must be > 0, got " + satelliteMtbfS);
        }
        if (!(repairS >= 0) || Double.isInfinite(repairS)) {
            throw new IllegalArgumentException("repair_s must be >= 0 and finite, got " + repairS);
        }
        probability("message_loss", messageLoss, 0.5);
        probability("duplicate", duplicate, 0.5);
        probability("delay", delay, 1.0);
        if (!(delayS >= 0) || Double.isInfinite(delayS)) {
            throw new IllegalArgumentException("delay_s must be >= 0 and finite, got " + delayS);
        }
    }

    private static void probability(String name, double p, double max) {
        if (!(p >= 0 && p <= max)) {
            throw new IllegalArgumentException(name + " must be a probability in [0, " + max + "], got " + p);
        }
    }

    /** Whether satellites crash at random. */
    public boolean crashes() {
        return Double.isFinite(satelliteMtbfS);
    }

    /**
     * Every satellite's crashes from {@code startS} up to {@code horizonS}, drawn from {@code stream} alone, satellite by
     * satellite in node order: crash times do not depend on anything else a run draws. Each is a crash of one satellite
     * at its time (counted as {@code startS} is) for {@code repair_s} (the least time there is when that is 0). The
     * simulator schedules exactly these ({@link FaultInjector#scheduleRandomCrashes}); {@code spacecomp fault --schedule}
     * replays them against a live constellation.
     */
    public List<FaultEvent.SatelliteDown> crashes(Torus torus, RandomStream stream, double startS, double horizonS) {
        List<FaultEvent.SatelliteDown> out = new ArrayList<>();
        if (!crashes()) {
            return out;
        }
        for (int node = 1; node <= torus.size(); node++) {
            SatId sat = SatId.fromNode(node, torus.satsPerPlane());
            double t = startS + exponential(stream, satelliteMtbfS);
            while (t < horizonS) {
                out.add(new FaultEvent.SatelliteDown(t, List.of(sat), repairS > 0 ? repairS : Double.MIN_VALUE, Outage.CRASH));
                t += repairS + exponential(stream, satelliteMtbfS);
            }
        }
        return out;
    }

    private static double exponential(RandomStream s, double mean) {
        return -mean * Math.log1p(-s.nextDouble());
    }

    /** Whether any random fault is drawn at all. */
    public boolean any() {
        return crashes() || messageLoss > 0 || duplicate > 0 || (delay > 0 && delayS > 0);
    }

    public RandomFaults withMtbf(double s) {
        return new RandomFaults(s, repairS, messageLoss, duplicate, delay, delayS);
    }
}
