package io.spacecomp.cli;

/** Validation of flag values with messages that name the flag, the allowed values and what was given. */
final class Flags {

    /** Parses a "sat,orb" flag and checks it lies inside the shell. */
    static io.spacecomp.orbit.shell.SatId satellite(String flag, String text, io.spacecomp.orbit.shell.WalkerShell shell) {
        io.spacecomp.orbit.shell.SatId id;
        try {
            id = io.spacecomp.orbit.shell.SatId.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid value for " + flag + ": " + e.getMessage());
        }
        require(id.sat() <= shell.satsPerPlane() && id.orb() <= shell.planes(), flag,
                "sat in [1, " + shell.satsPerPlane() + "], orb in [1, " + shell.planes() + "]", text);
        return id;
    }

    /** Parses a "sat,orb" flag and checks it lies inside the torus. */
    static io.spacecomp.orbit.shell.SatId satellite(String flag, String text, io.spacecomp.orbit.shell.Torus torus) {
        io.spacecomp.orbit.shell.SatId id;
        try {
            id = io.spacecomp.orbit.shell.SatId.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid value for " + flag + ": " + e.getMessage());
        }
        require(id.sat() <= torus.satsPerPlane() && id.orb() <= torus.planes(), flag,
                "sat in [1, " + torus.satsPerPlane() + "], orb in [1, " + torus.planes() + "]", text);
        return id;
    }

    private Flags() {
    }

    /** Checks a TCP port flag; {@code allowAny} admits 0 (any free port). */
    static void port(String flag, int value, boolean allowAny) {
        int low = allowAny ? 0 : 1;
        require(value >= low && value <= 65_535, flag, "a port in [" + low + ", 65535]", value);
    }

    /** Parses an {@code http://host:port} URL flag. */
    static java.net.URI httpUrl(String flag, String text) {
        java.net.URI u;
        try {
            u = java.net.URI.create(text);
        } catch (IllegalArgumentException e) {
            u = null;
        }
        require(u != null && "http".equals(u.getScheme()) && u.getHost() != null, flag, "an http://host:port URL", text);
        return u;
    }

    /** Checks that {@code value} is one of {@code allowed}. */
    static void oneOf(String flag, String value, java.util.Collection<String> allowed) {
        require(allowed.contains(value), flag, String.join(", ", allowed), value);
    }

    /** An exception's message for a user, its type when it has none (a refused connection often has none). */
    static String reason(Exception e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    static void require(boolean ok, String flag, String allowed, Object given) {
        if (!ok) {
            throw new IllegalArgumentException("invalid value for " + flag + ": " + given + " (allowed: " + allowed + ")");
        }
    }
}
