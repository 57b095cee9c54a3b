package io.spacecomp.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spacecomp.emulator.client.GatewayClient;
import io.spacecomp.deploy.DeployTarget;
import io.spacecomp.deploy.KubernetesManifests;
import io.spacecomp.deploy.LiveServices;
import io.spacecomp.deploy.SwarmStack;
import io.spacecomp.emulator.deploy.ComposeFile;
import io.spacecomp.emulator.net.IslKey;
import io.spacecomp.wire.Wire;
import io.spacecomp.orbit.shell.WalkerShell;
import io.spacecomp.tasks.TaskClasspath;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * A live constellation in containers: one per plane plus the gateway, written as a Docker Compose project, a Docker
 * Swarm stack or Kubernetes manifests ({@code --target}).
 */
@Command(name = "constellation", mixinStandardHelpOptions = true,
        description = {"Create, start, stop and check a constellation in containers (one per orbital plane, plus the gateway):",
                "Docker Compose on this machine, a Docker Swarm (--target swarm) or Kubernetes (--target k8s)."},
        subcommands = {ConstellationCommand.Create.class, ConstellationCommand.Up.class, ConstellationCommand.Down.class,
                ConstellationCommand.Status.class})
final class ConstellationCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: create, up, down or status");
    }

    /** The NAME and {@code --dir} every subcommand takes: where constellation NAME lives. */
    static final class Where {
        @Parameters(index = "0", paramLabel = "NAME", description = "Constellation name (lower-case letters, digits, '_', '-').")
        String name;

        @Option(names = "--dir", paramLabel = "DIR", description = "Where constellations are kept (default: the project's constellations/).")
        Path base;

        /** {@code DIR/NAME}, by default {@code constellations/NAME} under the project. */
        Path dir() {
            Flags.require(name.matches("[a-z0-9][a-z0-9_-]{0,40}"), "NAME", "1-41 lower-case letters, digits, '_' or '-'", name);
            return (base != null ? base : Home.root().resolve("constellations")).resolve(name);
        }
    }

    static ObjectNode settings(Path dir) throws IOException {
        Path f = dir.resolve("constellation.json");
        if (!Files.isRegularFile(f)) {
            throw new IllegalArgumentException("invalid value for NAME: no constellation at " + dir + " (create it first)");
        }
        return (ObjectNode) Wire.parse(Files.readAllBytes(f));
    }

    /** Where constellation {@code s} runs (constellations created before targets existed are compose projects). */
    static DeployTarget target(ObjectNode s) {
        return s.hasNonNull("target") ? DeployTarget.parse(s.get("target").asText()) : DeployTarget.COMPOSE;
    }

    /** The image as built on this machine (without the registry prefix). */
    static String localImage(ObjectNode s) {
        return s.hasNonNull("localImage") ? s.get("localImage").asText() : s.get("image").asText();
    }

    /** The first 12 hex digits of the SHA-256 of {@code bytes}: names of swarm secrets and configs, which cannot change in place. */
    static String shortHash(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes a file readable by its owner only. */
    static void writePrivate(Path f, String text) throws IOException {
        Files.createDirectories(f.getParent());
        Files.deleteIfExists(f);
        Files.createFile(f);
        try {
            Files.setPosixFilePermissions(f, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: leave the default permissions
        }
        Files.writeString(f, text, StandardCharsets.UTF_8);
    }

    /** The constellation's task jars, mounted read-only into every plane. */
    static Path tasksDir(Path dir) {
        return dir.resolve("tasks");
    }

    /**
     * Copies the jars into the constellation's {@code tasks/} (beside those already there unless {@code replace};
     * a jar of the same file name is replaced), once all of them are known to load together; returns the jar
     * file names there.
     */
    static List<String> installTasks(Path dir, TaskClasspath jars, boolean replace) throws IOException {
        java.util.Map<String, Path> added = new java.util.TreeMap<>();
        for (Path jar : jars.paths()) {
            Path previous = added.put(jar.getFileName().toString(), jar);
            Flags.require(previous == null, "--tasks", "jars with distinct file names (" + previous + " and " + jar + " are both "
                    + jar.getFileName() + ")", jar);
        }
        Path tasks = tasksDir(dir);
        java.util.Map<String, TaskClasspath.Jar> all = new java.util.TreeMap<>();
        if (!replace && Files.isDirectory(tasks)) {
            for (TaskClasspath.Jar j : TaskClasspath.expand(tasks + java.io.File.separator + "*", "--tasks")) {
                all.put(j.path().getFileName().toString(), j);
            }
        }
        added.forEach((name, jar) -> all.put(name, new TaskClasspath.Jar(jar, "--tasks")));
        TaskClasspath.load(new ArrayList<>(all.values())); // nothing is copied unless every jar loads beside the others
        Files.createDirectories(tasks);
        if (replace) {
            try (var old = Files.newDirectoryStream(tasks, "*.jar")) {
                for (Path p : old) {
                    Files.delete(p);
                }
            }
        }
        for (var e : added.entrySet()) {
            Files.copy(e.getValue(), tasks.resolve(e.getKey()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return new ArrayList<>(all.keySet());
    }

    /** Runs a command, its output passed through; returns its exit status. Bounded by {@code timeoutS}. */
    static int run(List<String> command, Path dir, long timeoutS) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
        if (!p.waitFor(timeoutS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish within " + timeoutS + " s");
        }
        return p.exitValue();
    }

    /** Runs a command and returns its standard output (trimmed), or null when it fails. Bounded by {@code timeoutS}. */
    static String output(List<String> command, long timeoutS) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(timeoutS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish within " + timeoutS + " s");
        }
        return p.exitValue() == 0 ? new String(out, StandardCharsets.UTF_8).trim() : null;
    }

    /** {@code docker compose} when the plugin is there, else the {@code docker-compose} program. */
    static List<String> compose(Path dir) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("docker", "compose", "version").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        boolean plugin = p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        List<String> c = new ArrayList<>(plugin ? List.of("docker", "compose") : List.of("docker-compose"));
        c.addAll(List.of("-f", dir.resolve("compose.yaml").toString(), "-p", dir.getFileName().toString()));
        return c;
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Write the files that run constellation NAME: compose.yaml (--target compose), stack.yaml (swarm) "
                    + "or k8s/ (Kubernetes manifests).", "Every plane holds each ISL hop for its physical time unless --isl-delay none."})
    static final class Create implements Callable<Integer> {
        @Mixin
        Where where;

        @Mixin
        ShellOptions shellOptions;

        @Option(names = "--target", defaultValue = "compose", paramLabel = "TARGET",
                description = "compose (this machine), swarm (docker stack deploy) or k8s (kubectl apply) (default: ${DEFAULT-VALUE}).")
        String target;

        @Option(names = "--port", defaultValue = "8089",
                description = "Host port of the gateway's API: on 127.0.0.1 (compose), on the gateway's node (swarm), "
                        + "the port-forward's local port (k8s) (default: ${DEFAULT-VALUE}).")
        int port;

        @Option(names = "--data-dir", paramLabel = "DIR",
                description = "compose only: collectors' data directory, mounted read-only (default: the project's data/; swarm and "
                        + "k8s use the image's /data).")
        Path dataDir;

        @Option(names = "--image", defaultValue = "spacecomp:local", description = "Image of every service (default: ${DEFAULT-VALUE}).")
        String image;

        @Option(names = "--registry", paramLabel = "REGISTRY",
                description = "Registry every node pulls the image from, host[:port][/path]: services run REGISTRY/IMAGE, and up "
                        + "tags and pushes the local image there (default: none, the local image).")
        String registry;

        @Option(names = "--nodes", defaultValue = "1", paramLabel = "K",
                description = "swarm only: node slots the planes spread over, 1..planes; plane o runs on a node labelled "
                        + SwarmStack.SLOT_LABEL + "=(o-1) mod K, the gateway on slot 0 (default: ${DEFAULT-VALUE}).")
        int nodes;

        @Option(names = "--memory", defaultValue = "384", paramLabel = "MIB",
                description = "swarm and k8s: memory limit of every container, MiB, 320..65536 (default: ${DEFAULT-VALUE}).")
        int memoryMb;

        @Option(names = "--isl-delay", defaultValue = "physical", paramLabel = "MODE",
                description = "physical: hold each hop for its propagation + serialisation time at the link's length now, the "
                        + "satellites moving since --epoch; none: forward at once (default: ${DEFAULT-VALUE}).")
        String islDelay;

        @Option(names = "--epoch", defaultValue = LiveServices.DEFAULT_EPOCH, paramLabel = "INSTANT",
                description = "Orbit time 0 of every plane and the gateway, ISO-8601 (default: ${DEFAULT-VALUE}).")
        String epoch;

        @Mixin
        TasksOptions taskJars;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            WalkerShell shell = LiveShell.require(shellOptions, spec);
            DeployTarget t = DeployTarget.parse(target);
            CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
            Flags.port("--port", port, false);
            Flags.oneOf("--isl-delay", islDelay, List.of("physical", "none"));
            Flags.require(!parsed.hasMatchedOption("--nodes") || t == DeployTarget.SWARM, "--nodes", "only with --target swarm", nodes);
            Flags.require(!parsed.hasMatchedOption("--memory") || t != DeployTarget.COMPOSE, "--memory",
                    "only with --target swarm or k8s", memoryMb);
            Flags.require(dataDir == null || t == DeployTarget.COMPOSE, "--data-dir",
                    "only with --target compose (swarm and k8s planes read the image's /data on every node)", dataDir);
            Flags.require(nodes >= 1 && nodes <= shell.planes(), "--nodes", "an integer in [1, " + shell.planes() + "], at most one slot per plane", nodes);
            Flags.require(memoryMb >= 320 && memoryMb <= 65_536, "--memory", "MiB in [320, 65536] (each JVM takes a 256 MiB heap)", memoryMb);
            Flags.require(image.matches("[a-z0-9][a-z0-9._/-]*(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?"), "--image",
                    "an image name such as spacecomp:local (lower-case name, optional :tag)", image);
            Flags.require(registry == null || registry.matches("[A-Za-z0-9][A-Za-z0-9.-]*(:[0-9]{1,5})?(/[a-z0-9][a-z0-9._-]*)*"),
                    "--registry", "a registry as host[:port][/path], e.g. registry.example.com:5000/team", registry);
            String fullImage = registry == null ? image : registry + "/" + image;
            // Checks --epoch (and the ports) before anything is written.
            LiveServices services = new LiveServices(shell, islDelay.equals("physical"), epoch, false);
            Path data = (dataDir != null ? dataDir : Home.dataDir()).toAbsolutePath();
            Flags.require(Files.isDirectory(data), "--data-dir", "an existing directory", data);
            if (t == DeployTarget.K8S) {
                new KubernetesManifests(where.name, services, fullImage, memoryMb, java.util.Map.of()); // NAME checked before writing
            }
            TaskClasspath jars = taskJars.load();
            Path dir = where.dir();
            List<String> installed = installTasks(dir, jars, true);
            services = new LiveServices(shell, islDelay.equals("physical"), epoch, !installed.isEmpty());
            String key = IslKey.random().secret();
            PrintWriter out = spec.commandLine().getOut();
            switch (t) {
                case COMPOSE: {
                    Path results = Files.createDirectories(dir.resolve("results"));
                    ComposeFile compose = new ComposeFile(where.name, shell, fullImage, port, data, results, tasksDir(dir).toAbsolutePath(),
                            islDelay, epoch);
                    Files.writeString(dir.resolve("compose.yaml"), compose.yaml(), StandardCharsets.UTF_8);
                    // The constellation's secret for internal traffic, readable by its owner only.
                    writePrivate(dir.resolve(ComposeFile.ENV_FILE), IslKey.ENV + "=" + key + "\n");
                    out.printf("wrote %s (%d plane services + gateway on 127.0.0.1:%d)%n", dir.resolve("compose.yaml"), shell.planes(), port);
                    break;
                }
                case SWARM: {
                    java.util.Map<String, String> hashes = new java.util.TreeMap<>();
                    java.util.Map<String, Path> files = new java.util.TreeMap<>();
                    for (String jar : installed) {
                        Path f = tasksDir(dir).resolve(jar).toAbsolutePath();
                        Flags.require(Files.size(f) <= SwarmStack.MAX_CONFIG_BYTES, "--tasks",
                                "jars of at most " + SwarmStack.MAX_CONFIG_BYTES + " bytes each with --target swarm (a swarm config's limit)", f);
                        hashes.put(jar, shortHash(Files.readAllBytes(f)));
                        files.put(jar, f);
                    }
                    Path keyFile = dir.resolve("isl.key").toAbsolutePath();
                    writePrivate(keyFile, key + "\n");
                    SwarmStack stack = new SwarmStack(where.name, services, fullImage, port, nodes, memoryMb, keyFile,
                            shortHash(key.getBytes(StandardCharsets.UTF_8)), hashes, files);
                    Files.writeString(dir.resolve(t.file()), stack.yaml(), StandardCharsets.UTF_8);
                    out.printf("wrote %s (%d plane services over %d node slot(s) + gateway, API on port %d of the node labelled %s=0)%n",
                            dir.resolve(t.file()), shell.planes(), nodes, port, SwarmStack.SLOT_LABEL);
                    break;
                }
                case K8S: {
                    java.util.Map<String, byte[]> bytes = new java.util.TreeMap<>();
                    for (String jar : installed) {
                        bytes.put(jar, Files.readAllBytes(tasksDir(dir).resolve(jar)));
                    }
                    KubernetesManifests k8s = new KubernetesManifests(where.name, services, fullImage, memoryMb, bytes);
                    Path manifests = dir.resolve(t.file());
                    Files.createDirectories(manifests.getParent());
                    Files.writeString(manifests, k8s.yaml(), StandardCharsets.UTF_8);
                    writePrivate(manifests.resolveSibling("secret.yaml"), k8s.secretYaml(key));
                    out.printf("wrote %s and secret.yaml beside it (namespace %s: %d plane Deployments and Services + gateway); "
                            + "apply with: kubectl apply -f %s%n", manifests, where.name, shell.planes(), manifests.getParent());
                    break;
                }
                default:
                    throw new IllegalStateException(t.toString());
            }
            ObjectNode s = Wire.object();
            s.put("name", where.name);
            s.put("target", t.flag());
            s.put("planes", shell.planes());
            s.put("sats", shell.satsPerPlane());
            s.put("port", port);
            s.put("image", fullImage);
            s.put("localImage", image);
            if (registry != null) {
                s.put("registry", registry);
            }
            s.put("islDelay", islDelay);
            s.put("epoch", epoch);
            if (t == DeployTarget.SWARM) {
                s.put("nodes", nodes);
            }
            Files.write(dir.resolve("constellation.json"), Wire.bytes(s));
            if (!installed.isEmpty()) {
                out.printf("task jars in %s, mounted read-only into every plane: %s%n", tasksDir(dir), String.join(", ", installed));
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "up", mixinStandardHelpOptions = true,
            description = {"Start constellation NAME; builds its image first when missing (offline: docker/build-image.sh).",
                    "swarm: tags and pushes the image to the constellation's --registry, labels a lone node "
                            + SwarmStack.SLOT_LABEL + "=0, then docker stack deploy. k8s: kubectl apply -f k8s/.",
                    "--tasks (compose only) adds jars to those the constellation was created with (its tasks/ directory) and recreates the planes."})
    static final class Up implements Callable<Integer> {
        @Mixin
        Where where;

        @Option(names = "--rebuild", description = "Build the image even when it exists.")
        boolean rebuild;

        @Mixin
        TasksOptions taskJars;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException, InterruptedException {
            Path dir = where.dir();
            ObjectNode s = settings(dir);
            DeployTarget t = target(s);
            String image = localImage(s);
            String fullImage = s.get("image").asText();
            TaskClasspath jars = taskJars.load();
            if (!jars.jars().isEmpty()) {
                Flags.require(t == DeployTarget.COMPOSE, "--tasks", "only for compose constellations (create a " + t.flag()
                        + " constellation again with --tasks)", jars.paths());
                Flags.require(Files.isDirectory(tasksDir(dir)), "--tasks", "a constellation created with task support (create it again)", dir);
                installTasks(dir, jars, false);
            }
            if (t == DeployTarget.K8S) {
                return run(List.of("kubectl", "apply", "-f", dir.resolve("k8s").toString()), dir, 600);
            }
            boolean have = run(List.of("docker", "image", "inspect", "--format", "ok", image), dir, 60) == 0;
            if (rebuild || !have) {
                int built = run(List.of("bash", Home.root().resolve("docker/build-image.sh").toString(), image), dir, 900);
                if (built != 0) {
                    return built;
                }
            }
            if (!fullImage.equals(image)) {
                int tagged = run(List.of("docker", "tag", image, fullImage), dir, 60);
                int pushed = tagged != 0 ? tagged : run(List.of("docker", "push", fullImage), dir, 900);
                if (pushed != 0) {
                    spec.commandLine().getErr().printf("could not push %s (is the registry %s reachable, and are you logged in?)%n",
                            fullImage, s.get("registry").asText());
                    return pushed;
                }
            }
            if (t == DeployTarget.SWARM) {
                return swarmUp(dir, s, !fullImage.equals(image));
            }
            List<String> up = compose(dir);
            up.addAll(List.of("up", "-d"));
            if (!jars.jars().isEmpty()) {
                up.add("--force-recreate"); // running planes load the new jars only when they start again
            }
            return run(up, dir, 600);
        }

        private int swarmUp(Path dir, ObjectNode s, boolean registry) throws IOException, InterruptedException {
            PrintWriter err = spec.commandLine().getErr();
            String state = output(List.of("docker", "info", "--format", "{{.Swarm.LocalNodeState}} {{.Swarm.ControlAvailable}}"), 60);
            if (state == null || !state.equals("active true")) {
                err.printf("%s: this Docker engine is not a swarm manager (swarm state: %s); run docker swarm init, or run up on a "
                        + "manager (see emulator/README.md, \"Docker Swarm\")%n", where.name, state);
                return 1;
            }
            int nodes = s.get("nodes").asInt();
            String listing = output(List.of("docker", "node", "ls", "--format", "{{.ID}}"), 60);
            List<String> ids = listing == null || listing.isEmpty() ? List.of() : List.of(listing.split("\\s+"));
            java.util.Map<Integer, List<String>> slots = new java.util.TreeMap<>();
            for (String id : ids) {
                String label = output(List.of("docker", "node", "inspect", "--format", "{{index .Spec.Labels \"" + SwarmStack.SLOT_LABEL + "\"}}", id), 60);
                if (label != null && label.matches("[0-9]{1,4}")) {
                    slots.computeIfAbsent(Integer.parseInt(label), k -> new ArrayList<>()).add(id);
                }
            }
            if (slots.isEmpty() && ids.size() == 1) {
                // One node, nothing labelled yet: everything runs here.
                int labelled = run(List.of("docker", "node", "update", "--label-add", SwarmStack.SLOT_LABEL + "=0", ids.get(0)), dir, 60);
                if (labelled != 0) {
                    return labelled;
                }
                spec.commandLine().getOut().printf("labelled this swarm's only node %s=0%n", SwarmStack.SLOT_LABEL);
                slots.put(0, List.of(ids.get(0)));
            }
            List<Integer> missing = new ArrayList<>();
            for (int k = 0; k < nodes; k++) {
                if (!slots.containsKey(k)) {
                    missing.add(k);
                }
            }
            if (!missing.isEmpty()) {
                err.printf("%s: no swarm node is labelled %s=K for K in %s; label one node per slot on a manager: "
                        + "docker node update --label-add %s=K NODE (see emulator/README.md)%n", where.name, SwarmStack.SLOT_LABEL, missing,
                        SwarmStack.SLOT_LABEL);
                return 1;
            }
            List<String> deploy = new ArrayList<>(List.of("docker", "stack", "deploy", "-c", dir.resolve("stack.yaml").toString(),
                    "--resolve-image", registry ? "always" : "never", "--prune"));
            if (registry) {
                deploy.add("--with-registry-auth");
            }
            deploy.add(where.name);
            return run(deploy, dir, 600);
        }
    }

    @Command(name = "down", mixinStandardHelpOptions = true,
            description = "Stop constellation NAME and remove its containers and network (swarm: its stack, secret and configs; "
                    + "k8s: kubectl delete -f k8s/).")
    static final class Down implements Callable<Integer> {
        @Mixin
        Where where;

        @Override
        public Integer call() throws IOException, InterruptedException {
            Path dir = where.dir();
            DeployTarget t = target(settings(dir));
            if (t == DeployTarget.K8S) {
                return run(List.of("kubectl", "delete", "--ignore-not-found", "-f", dir.resolve("k8s").toString()), dir, 600);
            }
            if (t == DeployTarget.SWARM) {
                int rm = run(List.of("docker", "stack", "rm", where.name), dir, 300);
                if (rm != 0) {
                    return rm;
                }
                // stack rm returns before the containers and the network are gone: wait, so that up may follow at once.
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                String filter = "label=com.docker.stack.namespace=" + where.name;
                while (System.nanoTime() < end) {
                    String containers = output(List.of("docker", "ps", "-aq", "--filter", filter), 60);
                    String networks = output(List.of("docker", "network", "ls", "-q", "--filter", filter), 60);
                    if ("".equals(containers) && "".equals(networks)) {
                        return 0;
                    }
                    Thread.sleep(1000);
                }
                throw new IOException("the containers or network of stack " + where.name + " were still there 120 s after docker stack rm");
            }
            List<String> down = compose(dir);
            down.addAll(List.of("down", "--remove-orphans", "-t", "5"));
            return run(down, dir, 300);
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Report every satellite's health through the gateway; waits up to --timeout for all, exits 1 when some are down.")
    static final class Status implements Callable<Integer> {
        @Mixin
        Where where;

        @Option(names = "--timeout", defaultValue = "60", paramLabel = "S", description = "Seconds to wait for every satellite, 0..3600 (default: ${DEFAULT-VALUE}).")
        int timeoutS;

        @Option(names = "--url", paramLabel = "URL",
                description = "The gateway's API (default: http://127.0.0.1:PORT, PORT as created; swarm: the gateway's node; "
                        + "k8s: after kubectl -n NAME port-forward svc/gateway PORT:8089).")
        String url;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException, InterruptedException {
            Flags.require(timeoutS >= 0 && timeoutS <= 3600, "--timeout", "seconds in [0, 3600]", timeoutS);
            Path dir = where.dir();
            ObjectNode s = settings(dir);
            URI api = url != null ? Flags.httpUrl("--url", url) : URI.create("http://127.0.0.1:" + s.get("port").asInt());
            GatewayClient client = new GatewayClient(api);
            PrintWriter out = spec.commandLine().getOut();
            long start = System.nanoTime();
            long end = start + TimeUnit.SECONDS.toNanos(timeoutS);
            String last = "the gateway does not answer";
            while (true) {
                try {
                    JsonNode h = client.get("/satellites").json();
                    last = h.get("up").asInt() + " of " + h.get("total").asInt() + " satellites up"
                            + (h.get("down").isEmpty() ? "" : ", down: " + h.get("down"));
                    if (h.get("down").isEmpty()) {
                        out.printf("%s: %s (%.1f s)%n", where.name, last, (System.nanoTime() - start) / 1e9);
                        out.flush();
                        return 0;
                    }
                } catch (IOException e) {
                    last = "the gateway does not answer at " + api + " (" + e.getMessage() + ")";
                }
                if (System.nanoTime() > end) {
                    out.printf("%s: %s after %d s%n", where.name, last, timeoutS);
                    out.flush();
                    return 1;
                }
                Thread.sleep(500);
            }
        }
    }
}
