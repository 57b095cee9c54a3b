package io.spacecomp.scenario;

import java.util.List;

/**
 * The one swept axis of a study: a numeric key (by its dotted path) and its values. Several keys may
 * move together along the axis (an N × N shell sweeps {@code planes} and {@code sats} in step); the
 * first key names the axis.
 *
 * @param keys   dotted key paths, e.g. {@code constellation.walker.planes}
 * @param values for each key, its values, one per point (all lists the same length)
 */
public record SweepAxis(List<String> keys, List<List<Number>> values) {

    public SweepAxis {
        keys = List.copyOf(keys);
        values = values.stream().map(List::copyOf).toList();
    }

    /** The axis name: its first key. */
    public String name() {
        return keys.get(0);
    }

    /** Number of points. */
    public int size() {
        return values.get(0).size();
    }

    /** The axis value of point {@code i} (the first key's value). */
    public double value(int i) {
        return values.get(0).get(i).doubleValue();
    }
}
