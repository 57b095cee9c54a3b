package io.spacecomp.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spacecomp.wire.Wire;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What {@code constellation create} chose, kept in the constellation's {@code constellation.json} for up, down and
 * status.
 *
 * @param name       constellation (and stack / namespace) name
 * @param target     where it runs
 * @param planes     orbital planes
 * @param sats       satellites per plane
 * @param port       host port of the gateway's API
 * @param image      image every service runs, with the registry prefix when there is one
 * @param localImage the image as built on this machine (without the registry prefix)
 * @param registry   the registry the nodes pull from, or null
 * @param islDelay   physical or none
 * @param epoch      orbit time 0, ISO-8601
 * @param nodes      swarm node slots (0 for other targets: not written)
 */
public record ConstellationSettings(String name, DeployTarget target, int planes, int sats, int port, String image, String localImage,
                                    String registry, String islDelay, String epoch, int nodes) {

    public static final String FILE = "constellation.json";

    /** True when the services pull the image from a registry (up tags and pushes the local image there first). */
    public boolean pushes() {
        return !image.equals(localImage);
    }

    /** The JSON written to {@link #FILE}, fields in a fixed order. */
    public ObjectNode json() {
        ObjectNode s = Wire.object();
        s.put("name", name);
        s.put("target", target.flag());
        s.put("planes", planes);
        s.put("sats", sats);
        s.put("port", port);
        s.put("image", image);
        s.put("localImage", localImage);
        if (registry != null) {
            s.put("registry", registry);
        }
        s.put("islDelay", islDelay);
        s.put("epoch", epoch);
        if (target == DeployTarget.SWARM) {
            s.put("nodes", nodes);
        }
        return s;
    }

    public void write(Path dir) throws IOException {
        Files.write(dir.resolve(FILE), Wire.bytes(json()));
    }

    /**
     * Reads constellation {@code dir}'s settings; constellations created before targets (or registries) existed are
     * compose projects whose local image is their image.
     *
     * @throws IllegalArgumentException naming NAME when there is no constellation at {@code dir}
     */
    public static ConstellationSettings read(Path dir) throws IOException {
        Path f = dir.resolve(FILE);
        if (!Files.isRegularFile(f)) {
            throw new IllegalArgumentException("invalid value for NAME: no constellation at " + dir + " (create it first)");
        }
        JsonNode s = Wire.parse(Files.readAllBytes(f));
        String image = s.get("image").asText();
        return new ConstellationSettings(s.path("name").asText(dir.getFileName().toString()),
                s.hasNonNull("target") ? DeployTarget.parse(s.get("target").asText()) : DeployTarget.COMPOSE,
                s.path("planes").asInt(), s.path("sats").asInt(), s.get("port").asInt(), image,
                s.hasNonNull("localImage") ? s.get("localImage").asText() : image,
                s.hasNonNull("registry") ? s.get("registry").asText() : null,
                s.path("islDelay").asText("physical"), s.path("epoch").asText(LiveServices.DEFAULT_EPOCH), s.path("nodes").asInt(0));
    }
}
