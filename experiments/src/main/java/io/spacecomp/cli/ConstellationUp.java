package io.spacecomp.cli;

import io.spacecomp.deploy.ConstellationFiles;
import io.spacecomp.deploy.ConstellationSettings;
import io.spacecomp.deploy.DeployTarget;
import io.spacecomp.deploy.Deployment;
import io.spacecomp.deploy.SwarmStack;
import io.spacecomp.tasks.TaskClasspath;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code constellation up}: adds task jars (compose), then the constellation's target starts it. */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = {"Start constellation NAME; builds its image first when missing (offline: docker/build-image.sh).",
                "swarm: tags and pushes the image to the constellation's --registry, labels a lone node "
                        + SwarmStack.SLOT_LABEL + "=0, then docker stack deploy. k8s: kubectl apply -f k8s/.",
                "--tasks (compose only) adds jars to those the constellation was created with (its tasks/ directory) and recreates the planes."})
final class ConstellationUp implements Callable<Integer> {
    @Mixin
    ConstellationName where;

    @Option(names = "--rebuild", description = "Build the image even when it exists.")
    boolean rebuild;

    @Mixin
    TasksOptions taskJars;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Path dir = where.dir();
        ConstellationSettings s = ConstellationSettings.read(dir);
        DeployTarget t = s.target();
        TaskClasspath jars = taskJars.load();
        boolean tasksAdded = !jars.jars().isEmpty();
        if (tasksAdded) {
            Flags.require(t == DeployTarget.COMPOSE, "--tasks", "only for compose constellations (create a " + t.flag()
                    + " constellation again with --tasks)", jars.paths());
            Flags.require(Files.isDirectory(ConstellationFiles.tasksDir(dir)), "--tasks", "a constellation created with task support (create it again)", dir);
            ConstellationFiles.installTasks(dir, jars, false);
        }
        return Deployment.of(t).up(new Deployment.Start(dir, s, rebuild, tasksAdded, Home.root().resolve("docker/build-image.sh"),
                spec.commandLine().getOut(), spec.commandLine().getErr()));
    }
}
