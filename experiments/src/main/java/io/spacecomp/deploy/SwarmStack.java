package io.spacecomp.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Docker Swarm stack file of a live constellation ({@code docker stack deploy -c stack.yaml NAME}): one
 * service per orbital plane ({@code orb<o>}, resolved by service DNS on the stack's overlay network), and the gateway,
 * whose API is published on the node it runs on (publish mode {@code host}). Every service has endpoint mode
 * {@code dnsrr}: its name resolves to its container, so every satellite port is reached directly and nothing needs
 * the kernel's IPVS (the routing mesh and virtual IPs do; machines without {@code ip_vs} lack them). Plane {@code o} is placed on a node labelled
 * {@code spacecomp-slot=(o-1) mod nodes}, the gateway on slot 0, so planes spread over the labelled nodes. The
 * constellation's key is a swarm secret; the user's task jars are swarm configs, so no host directory needs to
 * exist on other nodes. Collectors read the image's {@code /data}; the gateway's results are in the volume
 * {@code results}.
 *
 * @param name      stack name
 * @param services  command lines of the gateway and the planes
 * @param image     image of every service, as given (with the registry prefix when there is one)
 * @param apiPort   published port of the gateway's API
 * @param nodes     number of node slots planes spread over (1: all on the node labelled slot 0)
 * @param memoryMb  memory limit of each container, MiB
 * @param keyFile   the file holding the constellation's key (becomes the secret)
 * @param keyHash   a short hash of the key, part of the secret's name (swarm secrets cannot change in place)
 * @param taskJars  the user's task jars by file name, and their short content hashes (config names)
 * @param taskFiles the jar files by file name
 */
public record SwarmStack(String name, LiveServices services, String image, int apiPort, int nodes, int memoryMb, Path keyFile,
                         String keyHash, Map<String, String> taskJars, Map<String, Path> taskFiles) {

    /** The node label that places planes: {@code docker node update --label-add spacecomp-slot=K NODE}. */
    public static final String SLOT_LABEL = "spacecomp-slot";
    /** Where the secret appears in every container. */
    public static final String KEY_SECRET = "isl_key";
    /** Docker's limit on one config's size. */
    public static final long MAX_CONFIG_BYTES = 500 * 1024;

    public SwarmStack {
        if (nodes < 1 || nodes > services.shell().planes()) {
            throw new IllegalArgumentException("invalid value for --nodes: " + nodes + " (allowed: an integer in [1, "
                    + services.shell().planes() + "], at most one slot per plane)");
        }
        if (services.tasks() != !taskJars.isEmpty()) {
            throw new IllegalArgumentException("task jars given but the planes are not told to load them, or the reverse");
        }
        taskJars = Map.copyOf(taskJars);
        taskFiles = Map.copyOf(taskFiles);
    }

    /** The slot plane {@code orb} is placed on. */
    public int slot(int orb) {
        return (orb - 1) % nodes;
    }

    private Map<String, Object> deploy(int slot) {
        return Yaml.map(
                "endpoint_mode", "dnsrr",
                "replicas", 1,
                "placement", Yaml.map("constraints", List.of("node.labels." + SLOT_LABEL + " == " + slot)),
                "resources", Yaml.map("limits", Yaml.map("memory", memoryMb + "M")),
                "restart_policy", Yaml.map("condition", "any", "delay", "2s"));
    }

    private static Map<String, Object> secretEnv() {
        return Yaml.map(io.spacecomp.emulator.net.IslKey.FILE_ENV, "/run/secrets/" + KEY_SECRET);
    }

    public String yaml() {
        Map<String, Object> svc = new LinkedHashMap<>();
        svc.put("gateway", Yaml.map(
                "image", image,
                "command", services.gatewayArgs(),
                "environment", secretEnv(),
                "secrets", List.of(KEY_SECRET),
                "ports", List.of(Yaml.map("target", LiveServices.GATEWAY_PORT, "published", apiPort, "protocol", "tcp", "mode", "host")),
                "volumes", List.of(Yaml.map("type", "volume", "source", "results", "target", "/results")),
                "networks", List.of("isl"),
                "deploy", deploy(0)));
        List<String> jarNames = new ArrayList<>(new java.util.TreeSet<>(taskJars.keySet()));
        for (int o = 1; o <= services.shell().planes(); o++) {
            List<Object> configs = new ArrayList<>();
            for (int i = 0; i < jarNames.size(); i++) {
                configs.add(Yaml.map("source", "task" + i, "target", LiveServices.TASKS_MOUNT + "/" + jarNames.get(i)));
            }
            svc.put(LiveServices.planeHost(o), Yaml.map(
                    "image", image,
                    "command", services.planeArgs(o),
                    "environment", secretEnv(),
                    "secrets", List.of(KEY_SECRET),
                    "configs", configs.isEmpty() ? null : configs,
                    "networks", List.of("isl"),
                    "deploy", deploy(slot(o))));
        }
        Map<String, Object> configs = new LinkedHashMap<>();
        for (int i = 0; i < jarNames.size(); i++) {
            String jar = jarNames.get(i);
            configs.put("task" + i, Yaml.map("name", name + "_task_" + taskJars.get(jar),
                    "file", taskFiles.get(jar).toAbsolutePath().toString()));
        }
        Map<String, Object> top = Yaml.map(
                "version", "3.8",
                "services", svc,
                "networks", Yaml.map("isl", Yaml.map("driver", "overlay")),
                "volumes", Yaml.map("results", Map.of()),
                "secrets", Yaml.map(KEY_SECRET, Yaml.map("name", name + "_isl_key_" + keyHash, "file", keyFile.toAbsolutePath().toString())),
                "configs", configs.isEmpty() ? null : configs);
        return "# Written by spacecomp constellation create --target swarm; " + services.shell().planes() + " planes x "
                + services.shell().satsPerPlane() + " satellites over " + nodes + " node slot(s) (label " + SLOT_LABEL + "=0.."
                + (nodes - 1) + "). Start with: spacecomp constellation up " + name + "\n" + Yaml.write(top);
    }
}
