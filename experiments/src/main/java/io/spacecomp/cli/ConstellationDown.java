package io.spacecomp.cli;

import io.spacecomp.deploy.ConstellationSettings;
import io.spacecomp.deploy.Deployment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code constellation down}: the constellation's target stops it. */
@Command(name = "down", mixinStandardHelpOptions = true,
        description = "Stop constellation NAME and remove its containers and network (swarm: its stack, secret and configs; "
                + "k8s: kubectl delete -f k8s/).")
final class ConstellationDown implements Callable<Integer> {
    @Mixin
    ConstellationName where;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Path dir = where.dir();
        return Deployment.of(ConstellationSettings.read(dir).target()).down(where.name, dir);
    }
}
