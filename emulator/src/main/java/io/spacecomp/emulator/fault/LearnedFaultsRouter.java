package io.spacecomp.emulator.fault;

import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.routing.Path;
import io.spacecomp.routing.Router;

import java.util.ArrayList;
import java.util.List;

/**
 * A live plane's router: goes round what {@link InjectedFaults} says is down, but never refuses a route's source or
 * destination for a learned failure alone (a satellite the watchdog heard nothing from, or a hop gave up on): learned failures steer
 * relays, while an injected one also makes its satellite unreachable, as in the simulator.
 */
public final class LearnedFaultsRouter implements Router {

    private final Router inner;
    private final InjectedFaults faults;

    public LearnedFaultsRouter(Router inner, InjectedFaults faults) {
        this.inner = inner;
        this.faults = faults;
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public Path route(SatId from, SatId to, double departureS) {
        return faults.anyLearned() ? faults.between(from, to, () -> inner.route(from, to, departureS)) : inner.route(from, to, departureS);
    }

    @Override
    public List<Path> routeAll(SatId from, List<SatId> to, double departureS) {
        if (!faults.anyLearned()) {
            return inner.routeAll(from, to, departureS);
        }
        List<Path> paths = new ArrayList<>(to.size());
        for (SatId t : to) {
            paths.add(route(from, t, departureS));
        }
        return paths;
    }
}
