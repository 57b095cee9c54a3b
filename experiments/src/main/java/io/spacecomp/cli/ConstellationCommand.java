package io.spacecomp.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * A live constellation in containers: one per plane plus the gateway, written as a Docker Compose project, a Docker
 * Swarm stack or Kubernetes manifests ({@code --target}). Each subcommand is its own class; what differs by target is
 * an {@link io.spacecomp.deploy.Deployment}.
 */
@Command(name = "constellation", mixinStandardHelpOptions = true,
        description = {"Create, start, stop and check a constellation in containers (one per orbital plane, plus the gateway):",
                "Docker Compose on this machine, a Docker Swarm (--target swarm) or Kubernetes (--target k8s)."},
        subcommands = {ConstellationCreate.class, ConstellationUp.class, ConstellationDown.class, ConstellationStatus.class})
final class ConstellationCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: create, up, down or status");
    }
}
