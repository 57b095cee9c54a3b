package io.spacecomp.deploy;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * How one {@link DeployTarget} writes, starts and stops a constellation: {@code spacecomp constellation create / up /
 * down} do what every target shares and hand the rest to {@link #of(DeployTarget) its deployment}.
 */
public sealed interface Deployment permits ComposeDeployment, SwarmDeployment, KubernetesDeployment {

    /**
     * What {@code create} writes.
     *
     * @param name     constellation name
     * @param dir      the constellation's directory (its task jars already installed)
     * @param services the command lines of the gateway and the planes
     * @param image    image of every service, with the registry prefix when there is one
     * @param port     host port of the gateway's API
     * @param dataDir  collectors' data directory on this machine (compose only), absolute
     * @param nodes    swarm node slots
     * @param memoryMb memory limit of every container, MiB (swarm and k8s)
     * @param taskJars file names of the jars in the constellation's tasks/, sorted
     * @param key      the constellation's secret for internal traffic
     */
    record Plan(String name, Path dir, LiveServices services, String image, int port, Path dataDir, int nodes, int memoryMb,
                 List<String> taskJars, String key) {
        public Plan {
            taskJars = List.copyOf(taskJars);
        }
    }

    /**
     * What {@code up} needs.
     *
     * @param dir         the constellation's directory
     * @param settings    as created
     * @param rebuild     build the image even when it exists
     * @param tasksAdded  task jars were added since the planes started (they must start again to load them)
     * @param buildScript the script that builds the image offline
     * @param out         progress
     * @param err         what went wrong
     */
    record Start(Path dir, ConstellationSettings settings, boolean rebuild, boolean tasksAdded, Path buildScript, PrintWriter out,
                 PrintWriter err) {
        public String name() {
            return settings.name();
        }
    }

    static Deployment of(DeployTarget target) {
        switch (target) {
            case COMPOSE:
                return new ComposeDeployment();
            case SWARM:
                return new SwarmDeployment();
            case K8S:
                return new KubernetesDeployment();
            default:
                throw new IllegalStateException(target.toString());
        }
    }

    /** Refuses, before anything is written, what this target cannot run. */
    default void check(String name, LiveServices services, String image, int memoryMb) {
    }

    /** Writes the target's files into {@code plan.dir()} and says what it wrote on {@code out}. */
    void write(Plan plan, PrintWriter out) throws IOException;

    /** Starts the constellation; returns the exit status. */
    int up(Start start) throws IOException, InterruptedException;

    /** Stops the constellation and removes its containers and network; returns the exit status. */
    int down(String name, Path dir) throws IOException, InterruptedException;
}
