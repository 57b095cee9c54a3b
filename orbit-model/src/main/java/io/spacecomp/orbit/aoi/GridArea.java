package io.spacecomp.orbit.aoi;

import io.spacecomp.orbit.shell.SatId;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The reference client's grid AOI: every (sat, orb) with both indices in [min, max], shuffled with a
 * seed, so that the first k are collectors and the next k candidate mappers.
 */
public final class GridArea {

    private GridArea() {
    }

    /**
     * @throws IllegalArgumentException naming {@code aoi-min}/{@code aoi-max} when the range is empty or
     *                                  leaves the shell
     */
    public static List<SatId> shuffled(int min, int max, int satsPerPlane, int planes, long seed) {
        if (min < 1) {
            throw new IllegalArgumentException("aoi-min must be >= 1, got " + min);
        }
        if (max < min) {
            throw new IllegalArgumentException("aoi-max must be >= aoi-min (" + min + "), got " + max);
        }
        if (max > satsPerPlane || max > planes) {
            throw new IllegalArgumentException("aoi-max must be <= min(sats, planes) = " + Math.min(satsPerPlane, planes) + ", got " + max);
        }
        List<SatId> grid = new ArrayList<>();
        for (int o = min; o <= max; o++) {
            for (int s = min; s <= max; s++) {
                grid.add(new SatId(s, o));
            }
        }
        Collections.shuffle(grid, new Random(seed));
        return grid;
    }
}
