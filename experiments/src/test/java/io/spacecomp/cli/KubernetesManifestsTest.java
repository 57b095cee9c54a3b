package io.spacecomp.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@code constellation create --target k8s}: every document of the manifests parsed back strictly into the
 * Kubernetes API types (fabric8's kubernetes-model: no field it does not know, no value of another type, nothing
 * lost on the way back), and their content checked: names, images, arguments, ports, the secret's use, probes,
 * memory limits, and that every Service and Deployment selects the pods it must.
 */
class KubernetesManifestsTest {

    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of("Namespace", Namespace.class,
            "ConfigMap", ConfigMap.class, "Secret", Secret.class, "Service", Service.class, "Deployment", Deployment.class);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    /** Writes the typed objects back (fabric8 7.x carries its Quantity and IntOrString serializers as Jackson 2 annotations). */
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final String DNS_LABEL = "[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?";

    @TempDir
    Path tmp;

    /** Each YAML document of {@code file}, parsed strictly into its Kubernetes type. */
    static List<HasMetadata> parseStrictly(Path file) throws Exception {
        List<HasMetadata> out = new ArrayList<>();
        try (JsonParser p = YAML.getFactory().createParser(file.toFile())) {
            for (var it = YAML.readValues(p, JsonNode.class); it.hasNext(); ) {
                JsonNode doc = it.next();
                if (doc == null || doc.isNull() || doc.isMissingNode()) {
                    continue;
                }
                String kind = doc.path("kind").asText();
                Class<? extends HasMetadata> type = KINDS.get(kind);
                assertNotNull(type, "unexpected kind '" + kind + "' in " + file);
                assertEquals(type.getDeclaredConstructor().newInstance().getApiVersion(), doc.path("apiVersion").asText(), kind);
                HasMetadata parsed = YAML.treeToValue(doc, type);
                List<String> unknown = new ArrayList<>();
                unknownFields(parsed, kind, unknown, new IdentityHashMap<>());
                assertEquals(List.of(), unknown, "fields the Kubernetes API does not know in " + kind + " " + doc.path("metadata").path("name"));
                // Nothing coerced or dropped: the typed object writes back exactly what the file says.
                assertEquals(JSON.readTree(JSON.writeValueAsString(doc)), JSON.valueToTree(parsed),
                        kind + " " + parsed.getMetadata().getName() + " does not survive the round trip through its API type");
                out.add(parsed);
            }
        }
        return out;
    }

    /** fabric8 keeps fields it does not know in additionalProperties: there must be none, anywhere. */
    private static void unknownFields(Object o, String where, List<String> unknown, IdentityHashMap<Object, Boolean> seen) throws Exception {
        if (o == null || seen.put(o, Boolean.TRUE) != null) {
            return;
        }
        if (o instanceof Collection) {
            int i = 0;
            for (Object e : (Collection<?>) o) {
                unknownFields(e, where + "[" + i++ + "]", unknown, seen);
            }
            return;
        }
        if (o instanceof Map) {
            for (Map.Entry<?, ?> e : ((Map<?, ?>) o).entrySet()) {
                unknownFields(e.getValue(), where + "." + e.getKey(), unknown, seen);
            }
            return;
        }
        if (!o.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method m : o.getClass().getMethods()) {
            if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers()) || !m.getName().startsWith("get")
                    || m.getDeclaringClass() == Object.class) {
                continue;
            }
            Object v = m.invoke(o);
            if (m.getName().equals("getAdditionalProperties")) {
                if (v instanceof Map && !((Map<?, ?>) v).isEmpty()) {
                    unknown.add(where + ": " + ((Map<?, ?>) v).keySet());
                }
                continue;
            }
            unknownFields(v, where + "." + m.getName().substring(3), unknown, seen);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends HasMetadata> T one(List<HasMetadata> docs, Class<T> type, String name) {
        List<T> found = new ArrayList<>();
        for (HasMetadata d : docs) {
            if (type.isInstance(d) && d.getMetadata().getName().equals(name)) {
                found.add((T) d);
            }
        }
        assertEquals(1, found.size(), type.getSimpleName() + " " + name);
        return found.get(0);
    }

    /** Every label of {@code selector} is on {@code labels}. */
    private static void selects(Map<String, String> selector, Map<String, String> labels, String what) {
        assertFalse(selector == null || selector.isEmpty(), what + ": empty selector");
        for (Map.Entry<String, String> e : selector.entrySet()) {
            assertEquals(e.getValue(), labels.get(e.getKey()), what + " selects on " + e.getKey());
        }
    }

    private static void probesHealth(Probe p, int port, String what) {
        assertNotNull(p, what);
        assertEquals("/health", p.getHttpGet().getPath(), what);
        assertEquals(port, p.getHttpGet().getPort().getIntVal(), what);
    }

    private static void keyFromSecret(Container c) {
        List<EnvVar> env = c.getEnv();
        assertEquals(1, env.size(), c.getName());
        assertEquals("SPACECOMP_ISL_KEY", env.get(0).getName());
        assertNull(env.get(0).getValue(), "the key itself is never in the manifests");
        assertEquals("isl-key", env.get(0).getValueFrom().getSecretKeyRef().getName());
        assertEquals("SPACECOMP_ISL_KEY", env.get(0).getValueFrom().getSecretKeyRef().getKey());
    }

    private static void memoryLimit(Container c, long mib) {
        Quantity limit = c.getResources().getLimits().get("memory");
        assertEquals(new BigDecimal(mib * 1024 * 1024), limit.getNumericalAmount(), c.getName());
        assertEquals(limit, c.getResources().getRequests().get("memory"), c.getName());
    }

    @Test
    void manifestsParseStrictlyIntoTheKubernetesTypesAndSayWhatTheyMust() throws Exception {
        Path jar = CustomTaskTest.jar();
        CliRun run = CliRun.of("constellation", "create", "leo-k8s", "--target", "k8s", "--planes", "3", "--sats", "4",
                "--dir", tmp.toString(), "--registry", "registry.example.com:5000/team", "--image", "spacecomp:1.0", "--memory", "512",
                "--tasks", jar.toString());
        assertEquals(0, run.exitCode(), run.err());
        Path dir = tmp.resolve("leo-k8s");
        assertTrue(run.out().contains("kubectl apply -f " + dir.resolve("k8s")), run.out());
        List<HasMetadata> docs = parseStrictly(dir.resolve("k8s/constellation.yaml"));
        // Namespace, tasks ConfigMap, gateway Deployment + Service, and a Deployment + Service per plane.
        assertEquals(1 + 1 + 2 + 2 * 3, docs.size());
        assertTrue(docs.get(0) instanceof Namespace, "the namespace comes first, for kubectl apply");
        assertEquals("leo-k8s", docs.get(0).getMetadata().getName());
        for (HasMetadata d : docs) {
            assertTrue(d.getMetadata().getName().matches(DNS_LABEL), d.getMetadata().getName());
            if (!(d instanceof Namespace)) {
                assertEquals("leo-k8s", d.getMetadata().getNamespace(), d.getKind() + " " + d.getMetadata().getName());
            }
        }
        String image = "registry.example.com:5000/team/spacecomp:1.0";

        ConfigMap tasks = one(docs, ConfigMap.class, "tasks");
        assertEquals(Set.of("custom-task.jar"), tasks.getBinaryData().keySet());
        assertArrayEquals(Files.readAllBytes(jar), Base64.getDecoder().decode(tasks.getBinaryData().get("custom-task.jar")));

        Deployment gateway = one(docs, Deployment.class, "gateway");
        PodSpec gp = gateway.getSpec().getTemplate().getSpec();
        selects(gateway.getSpec().getSelector().getMatchLabels(), gateway.getSpec().getTemplate().getMetadata().getLabels(), "gateway Deployment");
        assertEquals(1, gateway.getSpec().getReplicas());
        Container g = gp.getContainers().get(0);
        assertEquals(image, g.getImage());
        assertEquals("gateway", g.getArgs().get(0));
        List<String> gargs = g.getArgs();
        assertEquals("0.0.0.0", gargs.get(gargs.indexOf("--host") + 1));
        assertEquals("8089", gargs.get(gargs.indexOf("--port") + 1));
        assertEquals("8090", gargs.get(gargs.indexOf("--downlink-port") + 1));
        assertEquals("4", gargs.get(gargs.indexOf("--sats") + 1));
        assertEquals(List.of(8089, 8090), g.getPorts().stream().map(ContainerPort::getContainerPort).toList());
        keyFromSecret(g);
        memoryLimit(g, 512);
        probesHealth(g.getReadinessProbe(), 8089, "gateway readiness");
        probesHealth(g.getLivenessProbe(), 8089, "gateway liveness");
        assertEquals(List.of("/results"), g.getVolumeMounts().stream().map(VolumeMount::getMountPath).toList());
        assertNotNull(gp.getVolumes().get(0).getEmptyDir());
        assertFalse(gp.getEnableServiceLinks(), "no environment variables per Service");
        Service gs = one(docs, Service.class, "gateway");
        selects(gs.getSpec().getSelector(), gateway.getSpec().getTemplate().getMetadata().getLabels(), "gateway Service");
        assertEquals(List.of(8089, 8090), gs.getSpec().getPorts().stream().map(ServicePort::getPort).toList());
        assertEquals(List.of(8089, 8090), gs.getSpec().getPorts().stream().map(p -> p.getTargetPort().getIntVal()).toList());

        for (int o = 1; o <= 3; o++) {
            String name = "orb" + o;
            Deployment d = one(docs, Deployment.class, name);
            Map<String, String> podLabels = d.getSpec().getTemplate().getMetadata().getLabels();
            selects(d.getSpec().getSelector().getMatchLabels(), podLabels, name + " Deployment");
            for (int other = 1; other <= 3; other++) {
                if (other != o) {
                    Map<String, String> otherPod = one(docs, Deployment.class, "orb" + other).getSpec().getTemplate().getMetadata().getLabels();
                    assertFalse(d.getSpec().getSelector().getMatchLabels().entrySet().stream()
                            .allMatch(e -> e.getValue().equals(otherPod.get(e.getKey()))), name + " must not select orb" + other + "'s pod");
                }
            }
            assertEquals("Recreate", d.getSpec().getStrategy().getType());
            PodSpec ps = d.getSpec().getTemplate().getSpec();
            Container c = ps.getContainers().get(0);
            assertEquals(image, c.getImage());
            List<String> args = c.getArgs();
            assertEquals(List.of("plane", "--orb", Integer.toString(o)), args.subList(0, 3));
            assertEquals("docker", args.get(args.indexOf("--network") + 1));
            assertEquals("8080", args.get(args.indexOf("--port-base") + 1));
            assertEquals("http://gateway:8090/downlink", args.get(args.indexOf("--gateway") + 1));
            assertEquals("physical", args.get(args.indexOf("--isl-delay") + 1), "physical ISL delay by default");
            assertEquals("2026-01-01T00:00:00Z", args.get(args.indexOf("--epoch") + 1));
            assertEquals("/opt/spacecomp/tasks/*", args.get(args.indexOf("--tasks") + 1));
            assertEquals(List.of(8081, 8082, 8083, 8084), c.getPorts().stream().map(ContainerPort::getContainerPort).toList());
            keyFromSecret(c);
            memoryLimit(c, 512);
            probesHealth(c.getReadinessProbe(), 8081, name + " readiness");
            probesHealth(c.getLivenessProbe(), 8081, name + " liveness");
            VolumeMount m = c.getVolumeMounts().get(0);
            assertEquals("/opt/spacecomp/tasks", m.getMountPath());
            assertTrue(m.getReadOnly());
            Volume v = ps.getVolumes().get(0);
            assertEquals(m.getName(), v.getName());
            assertEquals("tasks", v.getConfigMap().getName());
            TopologySpreadConstraint spread = ps.getTopologySpreadConstraints().get(0);
            assertEquals("kubernetes.io/hostname", spread.getTopologyKey());
            for (int other = 1; other <= 3; other++) {
                selects(spread.getLabelSelector().getMatchLabels(),
                        one(docs, Deployment.class, "orb" + other).getSpec().getTemplate().getMetadata().getLabels(), "spread over every plane");
            }
            Service s = one(docs, Service.class, name);
            assertEquals("None", s.getSpec().getClusterIP(), "headless: orb<o> resolves to the plane's pod");
            selects(s.getSpec().getSelector(), podLabels, name + " Service");
            assertEquals(List.of(8081, 8082, 8083, 8084), s.getSpec().getPorts().stream().map(ServicePort::getPort).toList());
            assertEquals(List.of("sat1", "sat2", "sat3", "sat4"), s.getSpec().getPorts().stream().map(ServicePort::getName).toList());
        }

        Path secretFile = dir.resolve("k8s/secret.yaml");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secretFile)));
        List<HasMetadata> secretDocs = parseStrictly(secretFile);
        assertEquals(1, secretDocs.size());
        Secret secret = (Secret) secretDocs.get(0);
        assertEquals("isl-key", secret.getMetadata().getName());
        assertEquals("leo-k8s", secret.getMetadata().getNamespace());
        String key = new String(Base64.getDecoder().decode(secret.getData().get("SPACECOMP_ISL_KEY")), StandardCharsets.UTF_8);
        assertTrue(key.matches("[0-9a-f]{48}"), key);
        assertFalse(Files.readString(dir.resolve("k8s/constellation.yaml")).contains(key), "the key is only in secret.yaml");

        JsonNode settings = JSON.readTree(Files.readString(dir.resolve("constellation.json")));
        assertEquals("k8s", settings.get("target").asText());
        assertEquals(image, settings.get("image").asText());
        assertEquals("spacecomp:1.0", settings.get("localImage").asText());
    }

    @Test
    void withoutTasksNoConfigMapAndNoMount() throws Exception {
        CliRun run = CliRun.of("constellation", "create", "plain", "--target", "k8s", "--planes", "3", "--sats", "3", "--dir", tmp.toString(),
                "--isl-delay", "none");
        assertEquals(0, run.exitCode(), run.err());
        List<HasMetadata> docs = parseStrictly(tmp.resolve("plain/k8s/constellation.yaml"));
        assertEquals(1 + 2 + 2 * 3, docs.size());
        Container c = one(docs, Deployment.class, "orb2").getSpec().getTemplate().getSpec().getContainers().get(0);
        assertEquals("spacecomp:local", c.getImage());
        assertFalse(c.getArgs().contains("--tasks"));
        assertEquals("none", c.getArgs().get(c.getArgs().indexOf("--isl-delay") + 1));
        assertNull(c.getVolumeMounts() == null || c.getVolumeMounts().isEmpty() ? null : c.getVolumeMounts());
        memoryLimit(c, 384);
    }

    @Test
    void theStrictParseRefusesAFieldKubernetesDoesNotKnow() throws Exception {
        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, "apiVersion: v1\nkind: Service\nmetadata:\n  name: x\nspec:\n  clusterIP: None\n  portz:\n  - port: 1\n");
        AssertionErrorHolder.expect(() -> parseStrictly(bad), "portz");
        Files.writeString(bad, "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\nspec:\n  replicas: \"1\"\n");
        AssertionErrorHolder.expect(() -> parseStrictly(bad), "round trip");
    }

    /** Runs a check that must fail with a message containing {@code part}. */
    private static final class AssertionErrorHolder {
        interface Check {
            void run() throws Exception;
        }

        static void expect(Check c, String part) throws Exception {
            try {
                c.run();
            } catch (AssertionError e) {
                assertTrue(e.getMessage().contains(part), e.getMessage());
                return;
            }
            fail("the strict parse accepted what Kubernetes would refuse (" + part + ")");
        }
    }

    @Test
    void badFlagsExitTwoNamingTheFlag() {
        Map<List<String>, String> cases = new LinkedHashMap<>();
        cases.put(List.of("under_score", "--target", "k8s"), "invalid value for NAME: under_score");
        cases.put(List.of("ok", "--target", "nomad"), "invalid value for --target: nomad (allowed: compose, swarm, k8s)");
        cases.put(List.of("ok", "--nodes", "2"), "invalid value for --nodes: 2 (allowed: only with --target swarm)");
        cases.put(List.of("ok", "--target", "swarm", "--nodes", "4"), "invalid value for --nodes: 4 (allowed: an integer in [1, 3]");
        cases.put(List.of("ok", "--target", "k8s", "--memory", "100"), "invalid value for --memory: 100 (allowed: MiB in [320, 65536]");
        cases.put(List.of("ok", "--memory", "512"), "invalid value for --memory: 512 (allowed: only with --target swarm or k8s)");
        cases.put(List.of("ok", "--target", "swarm", "--registry", "reg istry"), "invalid value for --registry: reg istry (allowed: a registry as host[:port][/path]");
        cases.put(List.of("ok", "--isl-delay", "fast"), "invalid value for --isl-delay: fast (allowed: physical, none)");
        cases.put(List.of("ok", "--target", "k8s", "--epoch", "yesterday"), "invalid value for --epoch: yesterday");
        cases.put(List.of("ok", "--target", "swarm", "--data-dir", "."), "invalid value for --data-dir: . (allowed: only with --target compose");
        for (Map.Entry<List<String>, String> e : cases.entrySet()) {
            List<String> args = new ArrayList<>(List.of("constellation", "create"));
            args.addAll(e.getKey());
            args.addAll(List.of("--planes", "3", "--sats", "3", "--dir", tmp.toString()));
            CliRun run = CliRun.of(args.toArray(new String[0]));
            assertEquals(2, run.exitCode(), e.getKey() + ": " + run.err());
            assertTrue(run.err().contains(e.getValue()), e.getKey() + ": " + run.err());
            assertFalse(Files.exists(tmp.resolve("ok")) || Files.exists(tmp.resolve("under_score")), "nothing written for " + e.getKey());
        }
    }
}
