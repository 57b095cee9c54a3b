/**
 * Orekit ground truth for the constellation model, with no network: {@link io.spacecomp.orbit.orekit.OrekitData}
 * (leap seconds from the class path, no EOP), {@link io.spacecomp.orbit.orekit.OrekitFrames} (CIRF / ITRF /
 * TEME / WGS84), {@link io.spacecomp.orbit.orekit.KeplerianConstellation} (a Walker shell propagated as
 * Keplerian orbits), {@link io.spacecomp.orbit.orekit.TleConstellation} (SGP4 from a TLE file, optionally
 * as an N×M +Grid in file order), {@link io.spacecomp.orbit.orekit.TleCatalogue} (a catalogue as it comes, split
 * into {@link io.spacecomp.orbit.orekit.TleShell} grids with holes and outliers), {@link io.spacecomp.orbit.orekit.TleReader}
 * and {@link io.spacecomp.orbit.orekit.TleWriter} (TLE files in and out). Positions are in km, times {@code tS} in seconds since the geometry's epoch.
 */
package io.spacecomp.orbit.orekit;
