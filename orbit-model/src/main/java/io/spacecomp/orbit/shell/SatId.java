package io.spacecomp.orbit.shell;

/**
 * A satellite's identity: its index {@code sat} within its plane and its plane {@code orb}, both
 * 1-based, as leopymr names them.
 */
public record SatId(int sat, int orb) implements Comparable<SatId> {

    public SatId {
        if (sat < 1) {
            throw new IllegalArgumentException("sat must be >= 1, got " + sat);
        }
        if (orb < 1) {
            throw new IllegalArgumentException("orb must be >= 1, got " + orb);
        }
    }

    /** Flat node number (orb-1)·M + sat, 1-based; {@code sat} must not exceed {@code satsPerPlane}. */
    public int node(int satsPerPlane) {
        if (sat > satsPerPlane) {
            // (M+1, o) would silently collide with (1, o+1)
            throw new IllegalArgumentException("sat must be in [1, satsPerPlane=" + satsPerPlane + "], got " + sat);
        }
        return (orb - 1) * satsPerPlane + sat;
    }

    /** Inverse of {@link #node(int)}. */
    public static SatId fromNode(int node, int satsPerPlane) {
        if (satsPerPlane < 1) {
            throw new IllegalArgumentException("satsPerPlane must be >= 1, got " + satsPerPlane);
        }
        if (node < 1) {
            throw new IllegalArgumentException("node must be >= 1, got " + node);
        }
        return new SatId((node - 1) % satsPerPlane + 1, (node - 1) / satsPerPlane + 1);
    }

    /** Parses "sat,orb". */
    public static SatId parse(String text) {
        String[] parts = text.trim().split("\\s*,\\s*");
        if (parts.length != 2) {
            throw new IllegalArgumentException("a satellite is written sat,orb (e.g. 3,7), got '" + text + "'");
        }
        try {
            return new SatId(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a satellite is written sat,orb with integers (e.g. 3,7), got '" + text + "'");
        }
    }

    /** Orders plane by plane, then by index in the plane (node order). */
    @Override
    public int compareTo(SatId other) {
        int c = Integer.compare(orb, other.orb);
        return c != 0 ? c : Integer.compare(sat, other.sat);
    }

    @Override
    public String toString() {
        return "(" + sat + "," + orb + ")";
    }
}
