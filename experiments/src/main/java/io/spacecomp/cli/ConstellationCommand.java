package io.spacecomp.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spacecomp.emulator.client.GatewayClient;
import io.spacecomp.emulator.deploy.ComposeFile;
import io.spacecomp.emulator.net.IslKey;
import io.spacecomp.emulator.wire.Wire;
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

/** A live constellation in Docker: one container per plane plus the gateway, written as a compose project. */
@Command(name = "constellation", mixinStandardHelpOptions = true,
        description = "Create, start, stop and check a constellation in Docker (one container per orbital plane, plus the gateway).",
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

    /** {@code docker compose} when the plugin is there, else the {@code docker-compose} program. */
    static List<String> compose(Path dir) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("docker", "compose", "version").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        boolean plugin = p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        List<String> c = new ArrayList<>(plugin ? List.of("docker", "compose") : List.of("docker-compose"));
        c.addAll(List.of("-f", dir.resolve("compose.yaml").toString(), "-p", dir.getFileName().toString()));
        return c;
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Write the compose project of constellation NAME.")
    static final class Create implements Callable<Integer> {
        @Mixin
        Where where;

        @Mixin
        ShellOptions shellOptions;

        @Option(names = "--port", defaultValue = "8089", description = "Host port (on 127.0.0.1) of the gateway's API (default: ${DEFAULT-VALUE}).")
        int port;

        @Option(names = "--data-dir", paramLabel = "DIR", description = "Collectors' data directory, mounted read-only (default: the project's data/).")
        Path dataDir;

        @Option(names = "--image", defaultValue = "spacecomp:local", description = "Image of every service (default: ${DEFAULT-VALUE}).")
        String image;

        @Mixin
        TasksOptions taskJars;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            WalkerShell shell = LiveShell.require(shellOptions, spec);
            Flags.port("--port", port, false);
            Path data = (dataDir != null ? dataDir : Home.dataDir()).toAbsolutePath();
            Flags.require(Files.isDirectory(data), "--data-dir", "an existing directory", data);
            TaskClasspath jars = taskJars.load();
            Path dir = where.dir();
            List<String> installed = installTasks(dir, jars, true);
            Path results = Files.createDirectories(dir.resolve("results"));
            ComposeFile compose = new ComposeFile(where.name, shell, image, port, data, results, tasksDir(dir).toAbsolutePath());
            Files.writeString(dir.resolve("compose.yaml"), compose.yaml(), StandardCharsets.UTF_8);
            // The constellation's secret for internal traffic, readable by its owner only.
            Path env = dir.resolve(ComposeFile.ENV_FILE);
            Files.writeString(env, IslKey.ENV + "=" + IslKey.random().secret() + "\n", StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(env, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: leave the default permissions
            }
            ObjectNode s = Wire.object();
            s.put("name", where.name);
            s.put("planes", shell.planes());
            s.put("sats", shell.satsPerPlane());
            s.put("port", port);
            s.put("image", image);
            Files.write(dir.resolve("constellation.json"), Wire.bytes(s));
            PrintWriter out = spec.commandLine().getOut();
            out.printf("wrote %s (%d plane services + gateway on 127.0.0.1:%d)%n", dir.resolve("compose.yaml"), shell.planes(), port);
            if (!installed.isEmpty()) {
                out.printf("task jars in %s, mounted read-only into every plane: %s%n", tasksDir(dir), String.join(", ", installed));
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "up", mixinStandardHelpOptions = true,
            description = {"Start constellation NAME; builds its image first when missing (offline: docker/build-image.sh).",
                    "--tasks adds jars to those the constellation was created with (its tasks/ directory) and recreates the planes."})
    static final class Up implements Callable<Integer> {
        @Mixin
        Where where;

        @Option(names = "--rebuild", description = "Build the image even when it exists.")
        boolean rebuild;

        @Mixin
        TasksOptions taskJars;

        @Override
        public Integer call() throws IOException, InterruptedException {
            Path dir = where.dir();
            String image = settings(dir).get("image").asText();
            TaskClasspath jars = taskJars.load();
            if (!jars.jars().isEmpty()) {
                Flags.require(Files.isDirectory(tasksDir(dir)), "--tasks", "a constellation created with task support (create it again)", dir);
                installTasks(dir, jars, false);
            }
            boolean have = run(List.of("docker", "image", "inspect", "--format", "ok", image), dir, 60) == 0;
            if (rebuild || !have) {
                int built = run(List.of("bash", Home.root().resolve("docker/build-image.sh").toString(), image), dir, 900);
                if (built != 0) {
                    return built;
                }
            }
            List<String> up = compose(dir);
            up.addAll(List.of("up", "-d"));
            if (!jars.jars().isEmpty()) {
                up.add("--force-recreate"); // running planes load the new jars only when they start again
            }
            return run(up, dir, 600);
        }
    }

    @Command(name = "down", mixinStandardHelpOptions = true, description = "Stop constellation NAME and remove its containers and network.")
    static final class Down implements Callable<Integer> {
        @Mixin
        Where where;

        @Override
        public Integer call() throws IOException, InterruptedException {
            Path dir = where.dir();
            settings(dir);
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

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException, InterruptedException {
            Flags.require(timeoutS >= 0 && timeoutS <= 3600, "--timeout", "seconds in [0, 3600]", timeoutS);
            Path dir = where.dir();
            ObjectNode s = settings(dir);
            GatewayClient client = new GatewayClient(URI.create("http://127.0.0.1:" + s.get("port").asInt()));
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
                    last = "the gateway does not answer on port " + s.get("port").asInt() + " (" + e.getMessage() + ")";
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
