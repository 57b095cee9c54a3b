package io.spacecomp.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code constellation create --target swarm}: the stack file docker stack deploy reads (docker/swarm-smoke.sh runs it
 * on a real single-node swarm): images named with the registry as asked, planes placed by node label slot, service DNS
 * names as the planes expect them, the key as a swarm secret, task jars as configs.
 */
class SwarmStackTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    Path tmp;

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> {
            assertTrue(n.isTextual(), "every argument is a string: " + n);
            out.add(n.asText());
        });
        return out;
    }

    @Test
    void stackFileNamesTheRegistryImagePlacesPlanesBySlotAndHandsOverTheKeyAsASecret() throws Exception {
        Path jar = CustomTaskTest.jar();
        CliRun run = CliRun.of("constellation", "create", "leo", "--target", "swarm", "--planes", "3", "--sats", "3", "--nodes", "2",
                "--port", "18090", "--registry", "registry.example.com:5000/team", "--dir", tmp.toString(), "--tasks", jar.toString());
        assertEquals(0, run.exitCode(), run.err());
        Path dir = tmp.resolve("leo");
        JsonNode stack = YAML.readTree(dir.resolve("stack.yaml").toFile());
        assertEquals("3.8", stack.get("version").asText());
        List<String> names = new ArrayList<>();
        stack.get("services").fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("gateway", "orb1", "orb2", "orb3"), names);
        String image = "registry.example.com:5000/team/spacecomp:local";
        Path keyFile = dir.resolve("isl.key").toAbsolutePath();
        String key = Files.readString(keyFile).trim();
        assertTrue(key.matches("[0-9a-f]{48}"), key);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
        assertFalse(Files.readString(dir.resolve("stack.yaml")).contains(key), "the key is in the secret's file only");

        JsonNode gateway = stack.get("services").get("gateway");
        assertEquals(image, gateway.get("image").asText());
        List<String> gargs = strings(gateway.get("command"));
        assertEquals("gateway", gargs.get(0));
        assertEquals("8089", gargs.get(gargs.indexOf("--port") + 1));
        JsonNode port = gateway.get("ports").get(0);
        assertEquals(8089, port.get("target").asInt());
        assertEquals(18090, port.get("published").asInt());
        assertEquals("host", port.get("mode").asText(), "published on the gateway's node: no routing mesh (IPVS) needed");
        assertEquals("node.labels.spacecomp-slot == 0", gateway.at("/deploy/placement/constraints/0").asText());
        assertEquals("results", gateway.at("/volumes/0/source").asText());

        for (int o = 1; o <= 3; o++) {
            JsonNode plane = stack.get("services").get("orb" + o);
            assertEquals(image, plane.get("image").asText());
            List<String> args = strings(plane.get("command"));
            assertEquals(List.of("plane", "--orb", Integer.toString(o)), args.subList(0, 3));
            assertEquals("docker", args.get(args.indexOf("--network") + 1));
            assertEquals("http://gateway:8090/downlink", args.get(args.indexOf("--gateway") + 1));
            assertEquals("physical", args.get(args.indexOf("--isl-delay") + 1));
            assertEquals("/opt/spacecomp/tasks/*", args.get(args.indexOf("--tasks") + 1));
            // Planes 1 and 3 on slot 0, plane 2 on slot 1.
            assertEquals("node.labels.spacecomp-slot == " + ((o - 1) % 2), plane.at("/deploy/placement/constraints/0").asText());
            assertEquals("dnsrr", plane.at("/deploy/endpoint_mode").asText());
            assertEquals("384M", plane.at("/deploy/resources/limits/memory").asText());
            assertEquals("/run/secrets/isl_key", plane.at("/environment/SPACECOMP_ISL_KEY_FILE").asText());
            assertEquals("isl_key", plane.at("/secrets/0").asText());
            assertEquals("isl", plane.at("/networks/0").asText());
            assertEquals("task0", plane.at("/configs/0/source").asText());
            assertEquals("/opt/spacecomp/tasks/custom-task.jar", plane.at("/configs/0/target").asText());
        }
        assertEquals(keyFile.toString(), stack.at("/secrets/isl_key/file").asText());
        assertTrue(stack.at("/secrets/isl_key/name").asText().matches("leo_isl_key_[0-9a-f]{12}"));
        assertEquals(dir.resolve("tasks/custom-task.jar").toAbsolutePath().toString(), stack.at("/configs/task0/file").asText());
        assertTrue(stack.at("/configs/task0/name").asText().matches("leo_task_[0-9a-f]{12}"));
        assertEquals("overlay", stack.at("/networks/isl/driver").asText());

        JsonNode settings = new ObjectMapper().readTree(dir.resolve("constellation.json").toFile());
        assertEquals("swarm", settings.get("target").asText());
        assertEquals(image, settings.get("image").asText());
        assertEquals("spacecomp:local", settings.get("localImage").asText());
        assertEquals(2, settings.get("nodes").asInt());
    }

    @Test
    void withoutARegistryTheLocalImageAndNoConfigs() throws Exception {
        CliRun run = CliRun.of("constellation", "create", "solo", "--target", "swarm", "--planes", "3", "--sats", "3", "--dir", tmp.toString(),
                "--isl-delay", "none", "--epoch", "2027-06-01T12:00:00Z");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode stack = YAML.readTree(tmp.resolve("solo/stack.yaml").toFile());
        assertEquals("spacecomp:local", stack.at("/services/orb2/image").asText());
        assertTrue(stack.at("/services/orb2/configs").isMissingNode());
        assertTrue(stack.at("/configs").isMissingNode());
        List<String> args = strings(stack.at("/services/orb2/command"));
        assertEquals("none", args.get(args.indexOf("--isl-delay") + 1));
        assertEquals("2027-06-01T12:00:00Z", args.get(args.indexOf("--epoch") + 1));
        // Quoted: Docker's YAML reader takes a bare 2027-06-01T12:00:00Z for a timestamp and refuses the stack.
        assertTrue(Files.readString(tmp.resolve("solo/stack.yaml")).contains("- \"2027-06-01T12:00:00Z\""));
        List<String> gargs = strings(stack.at("/services/gateway/command"));
        assertEquals("2027-06-01T12:00:00Z", gargs.get(gargs.indexOf("--epoch") + 1));
        for (int o = 1; o <= 3; o++) {
            assertEquals("node.labels.spacecomp-slot == 0", stack.at("/services/orb" + o + "/deploy/placement/constraints/0").asText());
        }
    }

    @Test
    void composeGetsThePhysicalDelayAndTheEpochToo() throws Exception {
        CliRun run = CliRun.of("constellation", "create", "comp", "--planes", "3", "--sats", "3", "--dir", tmp.toString(),
                "--data-dir", CustomTaskTest.data());
        assertEquals(0, run.exitCode(), run.err());
        String yaml = Files.readString(tmp.resolve("comp/compose.yaml"));
        JsonNode compose = YAML.readTree(yaml);
        List<String> args = strings(compose.at("/services/orb3/command"));
        assertEquals("physical", args.get(args.indexOf("--isl-delay") + 1));
        assertEquals("2026-01-01T00:00:00Z", args.get(args.indexOf("--epoch") + 1));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("comp/constellation.env"))));
    }
}
