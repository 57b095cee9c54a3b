package io.spacecomp.protocol;

import io.spacecomp.orbit.shell.SatId;

/**
 * Moves a message from one satellite to another through the ISL mesh (hop by hop, along the router's
 * path). Delivery is asynchronous: the receiver's {@link SatelliteNode#receive} runs later. When the
 * message cannot reach its destination the sender's {@link SatelliteNode#undeliverable} runs instead.
 */
public interface Transport {

    void send(SatId from, SatId to, Message message);

    /**
     * How many more bytes a collector on {@code from} may send before it pauses (≤ 0: pause now): what the satellite
     * may still have waiting to leave. The simulator's links queue without bound, as modelled: unbounded there.
     */
    default long collectAllowance(SatId from) {
        return Long.MAX_VALUE;
    }
}
