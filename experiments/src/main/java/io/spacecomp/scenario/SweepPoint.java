package io.spacecomp.scenario;

/**
 * One point of a study's sweep.
 *
 * @param index     0-based position on the axis
 * @param axisValue the axis key's value there (NaN when the scenario sweeps nothing)
 * @param scenario  the scenario with the axis keys set
 */
public record SweepPoint(int index, double axisValue, Scenario scenario) {
}
