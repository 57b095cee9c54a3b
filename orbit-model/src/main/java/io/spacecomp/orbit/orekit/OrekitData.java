package io.spacecomp.orbit.orekit;

import org.orekit.data.ClasspathCrawler;
import org.orekit.data.DataContext;
import org.orekit.time.AbsoluteDate;
import org.orekit.time.TimeScale;
import org.orekit.time.TimeScalesFactory;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * One-time, network-free set-up of Orekit's default {@link DataContext}, and the UTC helpers built on it.
 *
 * <p><b>Leap seconds.</b> {@link #init()} registers a {@link ClasspathCrawler} on the default data
 * context's providers manager for one class-path resource, {@value #LEAP_SECONDS_RESOURCE}: the IERS
 * {@code UTC-TAI.history} table of every leap second from 1972-01-01 (TAI−UTC = 10 s) to 2017-01-01
 * (37 s, still current). That is all Orekit needs for UTC, ITRF, TLE parsing, SGP4 and topocentric
 * frames. Nothing is ever downloaded, and the resource is read from inside a jar just as well. A future
 * leap second would need one more line in that file.
 *
 * <p><b>Earth orientation parameters (deliberately none).</b> No EOP file (finals, Bulletin A/B, C04) is
 * shipped. Orekit then applies zero corrections: UT1 = UTC, no polar motion, no celestial pole offsets
 * (see {@code FramesFactory}). The Earth-fixed frame is thereby rotated by the neglected UT1−UTC
 * (bounded by 0.9 s by the definition of UTC, i.e. at most 0.42 km along the equator, and usually much
 * less: metres to tens of metres) plus polar motion (≲ 0.5″, ≈ 15 m). That moves sub-satellite points and
 * station elevations a little and changes no inter-satellite distance at all (both ends of a link move
 * together, and links are measured in an inertial frame). For our link geometry it is negligible; it
 * also keeps every result reproducible, with no data file that changes weekly. As a side effect the Earth rotation angle is exactly linear in UTC,
 * which lets the analytic model ({@code CircularOrbitGeometry}) match Orekit to rounding error.
 *
 * <p>{@link #init()} is idempotent and thread-safe; every other method of this package calls it, so user
 * code rarely needs to.
 */
public final class OrekitData {

    /** Class-path location of the leap-second table (IERS {@code UTC-TAI.history} format). */
    public static final String LEAP_SECONDS_RESOURCE = "io/spacecomp/orbit/orekit/UTC-TAI.history";

    private static final Object LOCK = new Object();
    private static volatile boolean initialised;

    private OrekitData() {
    }

    /**
     * Registers the class-path leap-second table with Orekit's default data context, once per class
     * loader. Safe to call from many threads and many times.
     *
     * @throws IllegalStateException if the resource is missing from the class path
     */
    public static void init() {
        if (initialised) {
            return;
        }
        synchronized (LOCK) {
            if (initialised) {
                return;
            }
            ClassLoader loader = OrekitData.class.getClassLoader();
            if (loader.getResource(LEAP_SECONDS_RESOURCE) == null) {
                throw new IllegalStateException("leap-second table " + LEAP_SECONDS_RESOURCE + " is not on the class path");
            }
            DataContext.getDefault().getDataProvidersManager()
                    .addProvider(new ClasspathCrawler(loader, LEAP_SECONDS_RESOURCE));
            initialised = true;
        }
    }

    /** Orekit's UTC time scale (after {@link #init()}). */
    public static TimeScale utc() {
        init();
        return TimeScalesFactory.getUTC();
    }

    /** The Orekit date of an instant, UTC. */
    public static AbsoluteDate date(Instant instant) {
        if (instant == null) {
            throw new IllegalArgumentException("instant must not be null");
        }
        return new AbsoluteDate(instant, utc());
    }

    /**
     * Parses an ISO-8601 UTC instant such as {@code 2025-01-01T00:00:00Z}.
     *
     * @throws IllegalArgumentException naming the text when it is not such an instant
     */
    public static AbsoluteDate date(String isoUtc) {
        try {
            return date(Instant.parse(isoUtc.trim()));
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException("epoch must be an ISO-8601 UTC instant like 2025-01-01T00:00:00Z, got '" + isoUtc + "'");
        }
    }

    /** RFC 3339 / ISO-8601 text of a date in UTC, e.g. {@code 2025-01-01T00:00:00Z}. */
    public static String iso(AbsoluteDate date) {
        return date.toStringRfc3339(utc());
    }
}
