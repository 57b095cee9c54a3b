package io.spacecomp.deploy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Kubernetes manifests of a live constellation, for {@code kubectl apply -f k8s/}: a Namespace named after the
 * constellation; per plane a Deployment {@code orb<o>} (one pod) and a headless Service {@code orb<o>} with one port
 * per satellite, so the host name {@code orb<o>} resolves to the plane's pod as in Docker; the gateway's Deployment
 * and Service {@code gateway} (API and downlink); the constellation's key as the Secret {@code isl-key}, handed to
 * every container in {@code SPACECOMP_ISL_KEY}; and the user's task jars, if any, as the ConfigMap {@code tasks}
 * mounted at {@code /opt/spacecomp/tasks}. Planes spread over nodes (topology spread on the host name); every
 * container has a memory limit and a readiness and liveness probe on {@code /health}. Collectors read the image's
 * {@code /data}.
 *
 * @param name     constellation name, the namespace
 * @param services command lines of the gateway and the planes
 * @param image    image of every container (with the registry prefix when there is one)
 * @param memoryMb memory limit (and request) of each container, MiB
 * @param taskJars the user's task jars by file name (their bytes go into the ConfigMap)
 */
public record KubernetesManifests(String name, LiveServices services, String image, int memoryMb, Map<String, byte[]> taskJars) {

    public static final String SECRET = "isl-key";
    public static final String TASKS = "tasks";
    /** A ConfigMap holds at most 1 MiB. */
    public static final long MAX_TASKS_BYTES = 1024 * 1024 - 16 * 1024;
    private static final String PART_OF = "app.kubernetes.io/part-of";
    private static final String COMPONENT = "app.kubernetes.io/component";
    private static final String NAME = "app.kubernetes.io/name";

    public KubernetesManifests {
        if (!name.matches("[a-z0-9]([a-z0-9-]{0,39}[a-z0-9])?")) {
            throw new IllegalArgumentException("invalid value for NAME: " + name + " (allowed with --target k8s: a Kubernetes "
                    + "namespace name, lower-case letters, digits and '-', starting and ending with a letter or digit)");
        }
        taskJars = new TreeMap<>(taskJars);
        if (services.tasks() == taskJars.isEmpty()) {
            throw new IllegalArgumentException("task jars given but the planes are not told to load them, or the reverse");
        }
        long bytes = 0;
        for (byte[] b : taskJars.values()) {
            bytes += b.length;
        }
        if (bytes > MAX_TASKS_BYTES) {
            throw new IllegalArgumentException("invalid value for --tasks: " + bytes + " bytes of jars (allowed with --target k8s: at most "
                    + MAX_TASKS_BYTES + " bytes in all, what a ConfigMap holds; put larger task jars into the image)");
        }
    }

    private Map<String, Object> meta(String object, String component) {
        Map<String, Object> labels = Yaml.map(PART_OF, "spacecomp", "spacecomp/constellation", name,
                COMPONENT, component, NAME, object);
        return Yaml.map("name", object, "namespace", name, "labels", labels);
    }

    private static Map<String, Object> selector(String object) {
        return Yaml.map(NAME, object);
    }

    private Map<String, Object> resources() {
        String mem = memoryMb + "Mi";
        return Yaml.map("requests", Yaml.map("memory", mem, "cpu", "100m"), "limits", Yaml.map("memory", mem));
    }

    private static Map<String, Object> probe(int port, int initialDelayS, int periodS, int failures) {
        return Yaml.map("httpGet", Yaml.map("path", "/health", "port", port), "initialDelaySeconds", initialDelayS,
                "periodSeconds", periodS, "timeoutSeconds", 3, "failureThreshold", failures);
    }

    private static Map<String, Object> keyEnv() {
        return Yaml.map("name", io.spacecomp.emulator.net.IslKey.ENV,
                "valueFrom", Yaml.map("secretKeyRef", Yaml.map("name", SECRET, "key", io.spacecomp.emulator.net.IslKey.ENV)));
    }

    private Map<String, Object> deployment(String object, String component, Map<String, Object> container, List<Object> volumes,
                                           Map<String, Object> spread) {
        Map<String, Object> podSpec = Yaml.map(
                "enableServiceLinks", false, // no environment variable per Service: a large constellation has many
                "automountServiceAccountToken", false,
                "topologySpreadConstraints", spread == null ? null : List.of(spread),
                "containers", List.of(container),
                "volumes", volumes.isEmpty() ? null : volumes);
        Map<String, Object> template = Yaml.map("metadata", Yaml.map("labels", meta(object, component).get("labels")), "spec", podSpec);
        return Yaml.map("apiVersion", "apps/v1", "kind", "Deployment", "metadata", meta(object, component),
                "spec", Yaml.map("replicas", 1, "strategy", Yaml.map("type", "Recreate"),
                        "selector", Yaml.map("matchLabels", selector(object)), "template", template));
    }

    /** Every document but the Secret, in the order {@code kubectl apply} needs (the Namespace first). */
    public List<Map<String, Object>> documents() {
        List<Map<String, Object>> docs = new ArrayList<>();
        docs.add(Yaml.map("apiVersion", "v1", "kind", "Namespace",
                "metadata", Yaml.map("name", name, "labels", Yaml.map(PART_OF, "spacecomp", "spacecomp/constellation", name))));
        if (!taskJars.isEmpty()) {
            Map<String, Object> data = new LinkedHashMap<>();
            taskJars.forEach((jar, bytes) -> data.put(jar, Base64.getEncoder().encodeToString(bytes)));
            docs.add(Yaml.map("apiVersion", "v1", "kind", "ConfigMap", "metadata", meta(TASKS, "tasks"), "binaryData", data));
        }
        // The gateway: API and downlink, results in the pod (fetch them through the API).
        List<Object> gatewayPorts = List.of(
                Yaml.map("name", "api", "containerPort", LiveServices.GATEWAY_PORT, "protocol", "TCP"),
                Yaml.map("name", "downlink", "containerPort", LiveServices.DOWNLINK_PORT, "protocol", "TCP"));
        Map<String, Object> gateway = Yaml.map("name", "gateway", "image", image, "imagePullPolicy", "IfNotPresent",
                "args", services.gatewayArgs(), "env", List.of(keyEnv()), "ports", gatewayPorts, "resources", resources(),
                "readinessProbe", probe(LiveServices.GATEWAY_PORT, 5, 5, 3),
                "livenessProbe", probe(LiveServices.GATEWAY_PORT, 60, 20, 3),
                "volumeMounts", List.of(Yaml.map("name", "results", "mountPath", "/results")));
        docs.add(deployment("gateway", "gateway", gateway, List.of(Yaml.map("name", "results", "emptyDir", Map.of())), null));
        docs.add(Yaml.map("apiVersion", "v1", "kind", "Service", "metadata", meta("gateway", "gateway"),
                "spec", Yaml.map("type", "ClusterIP", "selector", selector("gateway"), "ports", List.of(
                        Yaml.map("name", "api", "port", LiveServices.GATEWAY_PORT, "targetPort", LiveServices.GATEWAY_PORT, "protocol", "TCP"),
                        Yaml.map("name", "downlink", "port", LiveServices.DOWNLINK_PORT, "targetPort", LiveServices.DOWNLINK_PORT,
                                "protocol", "TCP")))));
        int m = services.shell().satsPerPlane();
        Map<String, Object> spread = Yaml.map("maxSkew", 1, "topologyKey", "kubernetes.io/hostname", "whenUnsatisfiable", "ScheduleAnyway",
                "labelSelector", Yaml.map("matchLabels", Yaml.map("spacecomp/constellation", name, COMPONENT, "plane")));
        for (int o = 1; o <= services.shell().planes(); o++) {
            String plane = LiveServices.planeHost(o);
            List<Object> ports = new ArrayList<>();
            List<Object> servicePorts = new ArrayList<>();
            for (int s = 1; s <= m; s++) {
                int port = LiveServices.satPort(s);
                ports.add(Yaml.map("name", "sat" + s, "containerPort", port, "protocol", "TCP"));
                servicePorts.add(Yaml.map("name", "sat" + s, "port", port, "targetPort", port, "protocol", "TCP"));
            }
            Map<String, Object> container = Yaml.map("name", "plane", "image", image, "imagePullPolicy", "IfNotPresent",
                    "args", services.planeArgs(o), "env", List.of(keyEnv()), "ports", ports, "resources", resources(),
                    "readinessProbe", probe(LiveServices.satPort(1), 5, 5, 3),
                    "livenessProbe", probe(LiveServices.satPort(1), 60, 20, 3),
                    "volumeMounts", taskJars.isEmpty() ? null
                            : List.of(Yaml.map("name", TASKS, "mountPath", LiveServices.TASKS_MOUNT, "readOnly", true)));
            List<Object> volumes = taskJars.isEmpty() ? List.of()
                    : List.of(Yaml.map("name", TASKS, "configMap", Yaml.map("name", TASKS)));
            docs.add(deployment(plane, "plane", container, volumes, spread));
            // Headless: orb<o> resolves to the pod itself, every satellite port reachable, no proxy rule per port.
            docs.add(Yaml.map("apiVersion", "v1", "kind", "Service", "metadata", meta(plane, "plane"),
                    "spec", Yaml.map("clusterIP", "None", "publishNotReadyAddresses", true, "selector", selector(plane),
                            "ports", servicePorts)));
        }
        return docs;
    }

    /** The Secret holding the constellation's key. */
    public Map<String, Object> secret(String key) {
        return Yaml.map("apiVersion", "v1", "kind", "Secret", "metadata", meta(SECRET, "secret"), "type", "Opaque",
                "data", Yaml.map(io.spacecomp.emulator.net.IslKey.ENV, Base64.getEncoder().encodeToString(key.getBytes(StandardCharsets.UTF_8))));
    }

    /** {@code k8s/constellation.yaml}. */
    public String yaml() {
        return "# Written by spacecomp constellation create --target k8s; " + services.shell().planes() + " planes x "
                + services.shell().satsPerPlane() + " satellites in namespace " + name + ".\n"
                + "# Apply with the secret beside it: kubectl apply -f k8s/   API: kubectl -n " + name + " port-forward svc/gateway 8089:8089\n"
                + Yaml.writeAll(documents());
    }

    /** {@code k8s/secret.yaml} (readable by its owner only). */
    public String secretYaml(String key) {
        return "# The constellation's key for internal traffic. Keep this file private.\n" + Yaml.writeAll(List.of(secret(key)));
    }
}
