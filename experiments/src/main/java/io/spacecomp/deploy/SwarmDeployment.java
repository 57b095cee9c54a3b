package io.spacecomp.deploy;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static io.spacecomp.deploy.ExternalCommands.output;
import static io.spacecomp.deploy.ExternalCommands.run;

/**
 * A Docker Swarm: {@code stack.yaml} for {@code docker stack deploy}, the secret in {@code isl.key}; planes placed on
 * nodes by the label {@link SwarmStack#SLOT_LABEL}.
 */
public final class SwarmDeployment implements Deployment {

    @Override
    public void write(Deployment.Plan f, PrintWriter out) throws IOException {
        Map<String, String> hashes = new TreeMap<>();
        Map<String, Path> jars = new TreeMap<>();
        for (String jar : f.taskJars()) {
            Path file = ConstellationFiles.tasksDir(f.dir()).resolve(jar).toAbsolutePath();
            if (Files.size(file) > SwarmStack.MAX_CONFIG_BYTES) {
                throw new IllegalArgumentException("invalid value for --tasks: " + file + " (allowed: jars of at most "
                        + SwarmStack.MAX_CONFIG_BYTES + " bytes each with --target swarm (a swarm config's limit))");
            }
            hashes.put(jar, ConstellationFiles.shortHash(Files.readAllBytes(file)));
            jars.put(jar, file);
        }
        Path keyFile = f.dir().resolve("isl.key").toAbsolutePath();
        ConstellationFiles.writePrivate(keyFile, f.key() + "\n");
        SwarmStack stack = new SwarmStack(f.name(), f.services(), f.image(), f.port(), f.nodes(), f.memoryMb(), keyFile,
                ConstellationFiles.shortHash(f.key().getBytes(StandardCharsets.UTF_8)), hashes, jars);
        Path file = f.dir().resolve(DeployTarget.SWARM.file());
        Files.writeString(file, stack.yaml(), StandardCharsets.UTF_8);
        out.printf("wrote %s (%d plane services over %d node slot(s) + gateway, API on port %d of the node labelled %s=0)%n",
                file, f.services().shell().planes(), f.nodes(), f.port(), SwarmStack.SLOT_LABEL);
    }

    /** Checks that this engine manages a swarm whose nodes carry every slot label (labels a lone node 0), then deploys the stack. */
    @Override
    public int up(Start start) throws IOException, InterruptedException {
        int image = LocalImage.prepare(start);
        if (image != 0) {
            return image;
        }
        PrintWriter err = start.err();
        String name = start.name();
        String state = output(List.of("docker", "info", "--format", "{{.Swarm.LocalNodeState}} {{.Swarm.ControlAvailable}}"), 60);
        if (state == null || !state.equals("active true")) {
            err.printf("%s: this Docker engine is not a swarm manager (swarm state: %s); run docker swarm init, or run up on a "
                    + "manager (see emulator/README.md, \"Docker Swarm\")%n", name, state);
            return 1;
        }
        String listing = output(List.of("docker", "node", "ls", "--format", "{{.ID}}"), 60);
        List<String> ids = listing == null || listing.isEmpty() ? List.of() : List.of(listing.split("\\s+"));
        Map<Integer, List<String>> slots = new TreeMap<>();
        for (String id : ids) {
            String label = output(List.of("docker", "node", "inspect", "--format", "{{index .Spec.Labels \"" + SwarmStack.SLOT_LABEL + "\"}}", id), 60);
            if (label != null && label.matches("[0-9]{1,4}")) {
                slots.computeIfAbsent(Integer.parseInt(label), k -> new ArrayList<>()).add(id);
            }
        }
        if (slots.isEmpty() && ids.size() == 1) {
            // One node, nothing labelled yet: everything runs here.
            int labelled = run(List.of("docker", "node", "update", "--label-add", SwarmStack.SLOT_LABEL + "=0", ids.get(0)), start.dir(), 60);
            if (labelled != 0) {
                return labelled;
            }
            start.out().printf("labelled this swarm's only node %s=0%n", SwarmStack.SLOT_LABEL);
            slots.put(0, List.of(ids.get(0)));
        }
        List<Integer> missing = new ArrayList<>();
        for (int k = 0; k < start.settings().nodes(); k++) {
            if (!slots.containsKey(k)) {
                missing.add(k);
            }
        }
        if (!missing.isEmpty()) {
            err.printf("%s: no swarm node is labelled %s=K for K in %s; label one node per slot on a manager: "
                    + "docker node update --label-add %s=K NODE (see emulator/README.md)%n", name, SwarmStack.SLOT_LABEL, missing,
                    SwarmStack.SLOT_LABEL);
            return 1;
        }
        boolean registry = start.settings().pushes();
        List<String> deploy = new ArrayList<>(List.of("docker", "stack", "deploy", "-c", start.dir().resolve(DeployTarget.SWARM.file()).toString(),
                "--resolve-image", registry ? "always" : "never", "--prune"));
        if (registry) {
            deploy.add("--with-registry-auth");
        }
        deploy.add(name);
        return run(deploy, start.dir(), 600);
    }

    @Override
    public int down(String name, Path dir) throws IOException, InterruptedException {
        int rm = run(List.of("docker", "stack", "rm", name), dir, 300);
        if (rm != 0) {
            return rm;
        }
        // stack rm returns before the containers and the network are gone: wait, so that up may follow at once.
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        String filter = "label=com.docker.stack.namespace=" + name;
        while (System.nanoTime() < end) {
            String containers = output(List.of("docker", "ps", "-aq", "--filter", filter), 60);
            String networks = output(List.of("docker", "network", "ls", "-q", "--filter", filter), 60);
            if ("".equals(containers) && "".equals(networks)) {
                return 0;
            }
            Thread.sleep(1000);
        }
        throw new IOException("the containers or network of stack " + name + " were still there 120 s after docker stack rm");
    }
}
