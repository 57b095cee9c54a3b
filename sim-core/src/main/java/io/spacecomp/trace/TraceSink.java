package io.spacecomp.trace;

import io.spacecomp.orbit.shell.SatId;

/** Where trace events go. Implementations must accept events from one thread at a time per run. */
public interface TraceSink {

    /** Discards everything. */
    TraceSink NONE = new TraceSink() {
        @Override
        public void emit(TraceEvent e) {
        }

        @Override
        public boolean enabled() {
            return false;
        }
    };

    void emit(TraceEvent event);

    /** False when events are discarded, so callers can skip building them. */
    default boolean enabled() {
        return true;
    }

    static int[] sat(SatId id) {
        return id == null ? null : new int[] {id.sat(), id.orb()};
    }
}
