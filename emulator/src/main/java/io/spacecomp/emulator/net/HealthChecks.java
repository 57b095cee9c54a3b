package io.spacecomp.emulator.net;

import io.spacecomp.orbit.shell.SatId;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * One round of {@code /health} checks over many satellites, a bounded number at once: one after another, 10,000
 * satellites of planes starved of CPU took minutes a round; all at once, a round is a burst of 10,000 connections.
 */
public final class HealthChecks {

    /** Checks in flight at once. */
    public static final int AT_ONCE = 128;

    private HealthChecks() {
    }

    /** The satellites of {@code sats} that did not answer 200 within {@code timeout}. */
    public static Set<SatId> unanswered(HttpClient client, SatelliteAddresses addresses, Collection<SatId> sats, Duration timeout)
            throws InterruptedException {
        Set<SatId> silent = ConcurrentHashMap.newKeySet();
        Semaphore inFlight = new Semaphore(AT_ONCE);
        List<CompletableFuture<?>> checks = new ArrayList<>(sats.size());
        for (SatId s : sats) {
            inFlight.acquire();
            checks.add(client.sendAsync(HttpRequest.newBuilder(addresses.uri(s, "/health")).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).handle((r, e) -> {
                        if (e != null || r.statusCode() != 200) {
                            silent.add(s);
                        }
                        inFlight.release();
                        return null;
                    }));
        }
        CompletableFuture.allOf(checks.toArray(new CompletableFuture<?>[0])).join();
        return silent;
    }
}
