package io.spacecomp.emulator.net;

import io.spacecomp.orbit.shell.SatId;

import java.net.URI;
import java.util.Locale;

/**
 * Where a satellite's HTTP endpoint listens. In Docker (leopymr's layout) plane {@code o} is the host
 * {@code orb<o>} and satellite {@code s} listens on {@code portBase + s}. Locally every plane is a process
 * on this machine, so satellites share the loopback address and take one port each:
 * {@code portBase + node}, node being the flat number {@code (orb-1)·M + sat}.
 *
 * @param mode         where the constellation runs
 * @param portBase     first port
 * @param satsPerPlane M, to number nodes in local mode
 * @param localHost    the address satellites use in local mode (loopback)
 */
public record SatelliteAddresses(Mode mode, int portBase, int satsPerPlane, String localHost) {

    public enum Mode {
        LOCAL, DOCKER;

        public static Mode parse(String name) {
            for (Mode m : values()) {
                if (m.name().toLowerCase(Locale.ROOT).equals(name)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("network must be local or docker, got '" + name + "'");
        }
    }

    public SatelliteAddresses {
        if (portBase < 1 || portBase > 65_535) {
            throw new IllegalArgumentException("port base must be in [1, 65535], got " + portBase);
        }
    }

    public static SatelliteAddresses local(int portBase, int satsPerPlane) {
        return new SatelliteAddresses(Mode.LOCAL, portBase, satsPerPlane, "127.0.0.1");
    }

    public static SatelliteAddresses docker(int portBase, int satsPerPlane) {
        return new SatelliteAddresses(Mode.DOCKER, portBase, satsPerPlane, "127.0.0.1");
    }

    /** The highest port a shell of {@code planes} planes needs; checked before anything binds. */
    public int lastPort(int planes) {
        return mode == Mode.LOCAL ? portBase + planes * satsPerPlane : portBase + satsPerPlane;
    }

    public int port(SatId id) {
        return mode == Mode.LOCAL ? portBase + id.node(satsPerPlane) : portBase + id.sat();
    }

    public String host(SatId id) {
        return mode == Mode.LOCAL ? localHost : "orb" + id.orb();
    }

    /** The address a plane's satellites bind: loopback locally, every interface inside a container. */
    public String bindHost() {
        return mode == Mode.LOCAL ? localHost : "0.0.0.0";
    }

    public URI uri(SatId id, String path) {
        return URI.create("http://" + host(id) + ":" + port(id) + path);
    }
}
