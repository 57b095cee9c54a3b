package io.spacecomp.orbit.orekit;

import org.orekit.propagation.analytical.tle.TLE;
import org.orekit.time.AbsoluteDate;

/**
 * One satellite of a TLE file.
 *
 * @param index position in the file, 0-based (file order)
 * @param name  the name line above the two element lines (without a leading {@code "0 "}), or the
 *              catalogue number when the file has no name lines
 * @param tle   the parsed element set (epoch read in UTC)
 */
public record TleSatellite(int index, String name, TLE tle) {

    public TleSatellite {
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0, got " + index);
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        if (tle == null) {
            throw new IllegalArgumentException("tle must not be null");
        }
    }

    /** NORAD catalogue number. */
    public int satelliteNumber() {
        return tle.getSatelliteNumber();
    }

    /** The element set's epoch. */
    public AbsoluteDate epoch() {
        return tle.getDate();
    }

    /** The three lines of the 3-line format: name, line 1, line 2. */
    public String toThreeLines() {
        return name + "\n" + tle.getLine1() + "\n" + tle.getLine2() + "\n";
    }
}
