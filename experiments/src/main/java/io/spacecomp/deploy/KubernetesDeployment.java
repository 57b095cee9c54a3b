package io.spacecomp.deploy;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.spacecomp.deploy.ExternalCommands.run;

/** A Kubernetes cluster: {@code k8s/constellation.yaml} and the secret in {@code k8s/secret.yaml}, applied with kubectl. */
public final class KubernetesDeployment implements Deployment {

    /** The directory kubectl applies and deletes. */
    private static final String DIR = "k8s";

    /** The constellation's name must be a namespace name. */
    @Override
    public void check(String name, LiveServices services, String image, int memoryMb) {
        new KubernetesManifests(name, services, image, memoryMb, Map.of());
    }

    @Override
    public void write(Deployment.Plan f, PrintWriter out) throws IOException {
        Map<String, byte[]> bytes = new TreeMap<>();
        for (String jar : f.taskJars()) {
            bytes.put(jar, Files.readAllBytes(ConstellationFiles.tasksDir(f.dir()).resolve(jar)));
        }
        KubernetesManifests k8s = new KubernetesManifests(f.name(), f.services(), f.image(), f.memoryMb(), bytes);
        Path manifests = f.dir().resolve(DeployTarget.K8S.file());
        Files.createDirectories(manifests.getParent());
        Files.writeString(manifests, k8s.yaml(), StandardCharsets.UTF_8);
        ConstellationFiles.writePrivate(manifests.resolveSibling("secret.yaml"), k8s.secretYaml(f.key()));
        out.printf("wrote %s and secret.yaml beside it (namespace %s: %d plane Deployments and Services + gateway); "
                + "apply with: kubectl apply -f %s%n", manifests, f.name(), f.services().shell().planes(), manifests.getParent());
    }

    /** kubectl apply; the cluster pulls the image itself. */
    @Override
    public int up(Start start) throws IOException, InterruptedException {
        return run(List.of("kubectl", "apply", "-f", start.dir().resolve(DIR).toString()), start.dir(), 600);
    }

    @Override
    public int down(String name, Path dir) throws IOException, InterruptedException {
        return run(List.of("kubectl", "delete", "--ignore-not-found", "-f", dir.resolve(DIR).toString()), dir, 600);
    }
}
