package io.spacecomp.orbit.orekit;

import org.orekit.frames.Frame;
import org.orekit.frames.StaticTransform;
import org.orekit.frames.Transform;
import org.orekit.time.AbsoluteDate;

/**
 * The transforms from one source frame to the inertial and Earth-fixed frames of {@link OrekitFrames},
 * for the last time asked. A whole constellation is usually queried at one instant, so computing the frame
 * transforms once per instant instead of once per satellite saves most of Orekit's cost. Thread-safe: the
 * last entry is published through a volatile field; concurrent misses merely compute it twice.
 */
final class DateTransforms {

    /** The transforms at {@code tS} seconds after the epoch. */
    record Entry(double tS, AbsoluteDate date, Transform toInertial, StaticTransform toEarthFixed) {
    }

    private final Frame source;
    private final Frame inertial;
    private final Frame earthFixed;
    private final AbsoluteDate epoch;
    private volatile Entry last;

    DateTransforms(Frame source, AbsoluteDate epoch) {
        this.source = source;
        this.inertial = OrekitFrames.inertial();
        this.earthFixed = OrekitFrames.earthFixed();
        this.epoch = epoch;
    }

    Entry at(double tS) {
        Entry e = last;
        if (e != null && Double.compare(e.tS(), tS) == 0) {
            return e;
        }
        AbsoluteDate date = epoch.shiftedBy(tS);
        Transform toInertial = source == inertial ? Transform.IDENTITY : source.getTransformTo(inertial, date);
        e = new Entry(tS, date, toInertial, source.getStaticTransformTo(earthFixed, date));
        last = e;
        return e;
    }
}
