package io.spacecomp.orbit.shell;

import java.util.List;

/**
 * The +Grid 2-D torus: each satellite links to the satellites ahead and behind in its plane
 * (sat±1 mod M) and to the same-index satellites of the adjacent planes (orb±1 mod N).
 *
 * @param planes       N
 * @param satsPerPlane M
 */
public record Torus(int planes, int satsPerPlane) {

    public Torus {
        if (planes < 3) {
            throw new IllegalArgumentException("planes must be >= 3, got " + planes);
        }
        if (satsPerPlane < 3) {
            throw new IllegalArgumentException("satsPerPlane must be >= 3, got " + satsPerPlane);
        }
    }

    public int size() {
        return planes * satsPerPlane;
    }

    /** The neighbour of {@code id} across link {@code direction}. */
    public SatId neighbour(SatId id, Direction direction) {
        int s = Math.floorMod(id.sat() - 1 + direction.satStep(), satsPerPlane) + 1;
        int o = Math.floorMod(id.orb() - 1 + direction.orbStep(), planes) + 1;
        return new SatId(s, o);
    }

    /** The four neighbours in {@link Direction} order: ahead, behind, east, west. */
    public List<SatId> neighbours(SatId id) {
        return List.of(neighbour(id, Direction.AHEAD), neighbour(id, Direction.BEHIND),
                neighbour(id, Direction.EAST), neighbour(id, Direction.WEST));
    }

    /** Whether {@code a} and {@code b} share a +Grid link. */
    public boolean areNeighbours(SatId a, SatId b) {
        int ds = satSteps(a, b);
        int dorb = orbSteps(a, b);
        return (Math.abs(ds) == 1 && dorb == 0) || (ds == 0 && Math.abs(dorb) == 1);
    }

    /**
     * Signed in-plane steps from {@code a} to {@code b} the shorter way round, in
     * (-M/2, M/2]; a tie (M even, exactly half-way) goes AHEAD (positive).
     */
    public int satSteps(SatId a, SatId b) {
        return wrapSigned(b.sat() - a.sat(), satsPerPlane);
    }

    /**
     * Signed cross-plane steps from {@code a} to {@code b} the shorter way round, in
     * (-N/2, N/2]; a tie goes EAST (positive).
     */
    public int orbSteps(SatId a, SatId b) {
        return wrapSigned(b.orb() - a.orb(), planes);
    }

    /** Minimal hop count between two satellites (torus Manhattan distance). */
    public int hops(SatId a, SatId b) {
        return Math.abs(satSteps(a, b)) + Math.abs(orbSteps(a, b));
    }

    static int wrapSigned(int delta, int n) {
        int d = Math.floorMod(delta, n);
        return d > n / 2 ? d - n : d;
    }
}
