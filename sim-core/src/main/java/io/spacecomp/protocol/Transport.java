package io.spacecomp.protocol;

import io.spacecomp.orbit.shell.SatId;

/**
 * Moves a message from one satellite to another through the ISL mesh (hop by hop, along the router's
 * path). Delivery is asynchronous: the receiver's {@link SatelliteNode#receive} runs later. When the
 * message cannot reach its destination the sender's {@link SatelliteNode#undeliverable} runs instead.
 */
public interface Transport {

    void send(SatId from, SatId to, Message message);
}
