package io.spacecomp.cli;

import io.spacecomp.deploy.ConstellationFiles;
import io.spacecomp.deploy.ConstellationSettings;
import io.spacecomp.deploy.DeployTarget;
import io.spacecomp.deploy.Deployment;
import io.spacecomp.deploy.LiveServices;
import io.spacecomp.deploy.SwarmStack;
import io.spacecomp.emulator.net.IslKey;
import io.spacecomp.orbit.shell.WalkerShell;
import io.spacecomp.tasks.TaskClasspath;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code constellation create}: checks every flag, installs the task jars, then the target writes its files. */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = {"Write the files that run constellation NAME: compose.yaml (--target compose), stack.yaml (swarm) "
                + "or k8s/ (Kubernetes manifests).", "Every plane holds each ISL hop for its physical time unless --isl-delay none."})
final class ConstellationCreate implements Callable<Integer> {
    @Mixin
    ConstellationName where;

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

    /** Refused, with the reason: containers do not carry the catalogue yet (hidden: it only ever says no). */
    @Option(names = "--tle", hidden = true, paramLabel = "FILE")
    String tle;

    /** Refused with {@code --tle}. */
    @Option(names = "--shell", hidden = true, paramLabel = "K")
    String tleShell;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        for (String[] f : new String[][] {{"--tle", tle}, {"--shell", tleShell}}) {
            Flags.require(f[1] == null, f[0], "not with constellation create: containers do not carry a TLE catalogue yet; run "
                    + "a TLE shell on this machine with `spacecomp emulate --tle FILE [--shell K]`", f[1]);
        }
        WalkerShell shell = LiveShell.require(shellOptions, spec);
        DeployTarget t = DeployTarget.parse(target);
        Deployment deployment = Deployment.of(t);
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
        boolean physical = islDelay.equals("physical");
        // Checks --epoch (and the ports) before anything is written.
        LiveServices services = new LiveServices(shell, physical, epoch, false);
        Path data = (dataDir != null ? dataDir : Home.dataDir()).toAbsolutePath();
        Flags.require(Files.isDirectory(data), "--data-dir", "an existing directory", data);
        deployment.check(where.name, services, fullImage, memoryMb);
        TaskClasspath jars = taskJars.load();
        Path dir = where.dir();
        List<String> installed = ConstellationFiles.installTasks(dir, jars, true);
        services = new LiveServices(shell, physical, epoch, !installed.isEmpty());
        String key = IslKey.random().secret();
        PrintWriter out = spec.commandLine().getOut();
        deployment.write(new Deployment.Plan(where.name, dir, services, fullImage, port, data, nodes, memoryMb, installed, key), out);
        new ConstellationSettings(where.name, t, shell.planes(), shell.satsPerPlane(), port, fullImage, image, registry, islDelay, epoch,
                nodes).write(dir);
        if (!installed.isEmpty()) {
            out.printf("task jars in %s, mounted read-only into every plane: %s%n", ConstellationFiles.tasksDir(dir), String.join(", ", installed));
        }
        out.flush();
        return 0;
    }
}
