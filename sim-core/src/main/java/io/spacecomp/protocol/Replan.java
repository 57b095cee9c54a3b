package io.spacecomp.protocol;

import io.spacecomp.orbit.shell.SatId;

/**
 * One move of a job's work by its coordinator: {@code role}'s work for data id {@code dataId} (0 for the
 * reducer) went from the lost satellite {@code from} to {@code to} at {@code atS}, because {@code reason}.
 */
public record Replan(Role role, int dataId, SatId from, SatId to, double atS, String reason) {

    /** The roles whose work can move. */
    public enum Role {
        COLLECTOR, MAPPER, REDUCER;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Role parse(String name) {
            for (Role r : values()) {
                if (r.wireName().equals(name)) {
                    return r;
                }
            }
            throw new IllegalArgumentException("unknown role '" + name + "' (allowed: collector, mapper, reducer)");
        }
    }

    @Override
    public String toString() {
        return role.wireName() + (dataId > 0 ? " " + dataId : "") + " " + from + " -> " + to + " at "
                + String.format(java.util.Locale.ROOT, "%.3f", atS) + " s: " + reason;
    }
}
