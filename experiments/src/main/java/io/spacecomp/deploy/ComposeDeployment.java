package io.spacecomp.deploy;

import io.spacecomp.emulator.deploy.ComposeFile;
import io.spacecomp.emulator.net.IslKey;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.spacecomp.deploy.ExternalCommands.run;

/** Docker Compose on this machine: {@code compose.yaml}, the secret in {@code constellation.env}, results in {@code results/}. */
public final class ComposeDeployment implements Deployment {

    @Override
    public void write(Deployment.Plan f, PrintWriter out) throws IOException {
        Path results = Files.createDirectories(f.dir().resolve("results"));
        LiveServices s = f.services();
        ComposeFile compose = new ComposeFile(f.name(), s.shell(), f.image(), f.port(), f.dataDir(), results,
                ConstellationFiles.tasksDir(f.dir()).toAbsolutePath(), s.islDelay(), s.epoch());
        Path file = f.dir().resolve(DeployTarget.COMPOSE.file());
        Files.writeString(file, compose.yaml(), StandardCharsets.UTF_8);
        // The constellation's secret for internal traffic, readable by its owner only.
        ConstellationFiles.writePrivate(f.dir().resolve(ComposeFile.ENV_FILE), IslKey.ENV + "=" + f.key() + "\n");
        out.printf("wrote %s (%d plane services + gateway on 127.0.0.1:%d)%n", file, s.shell().planes(), f.port());
    }

    @Override
    public int up(Start start) throws IOException, InterruptedException {
        int image = LocalImage.prepare(start);
        if (image != 0) {
            return image;
        }
        List<String> up = compose(start.dir());
        up.addAll(List.of("up", "-d"));
        if (start.tasksAdded()) {
            up.add("--force-recreate"); // running planes load the new jars only when they start again
        }
        return run(up, start.dir(), 600);
    }

    @Override
    public int down(String name, Path dir) throws IOException, InterruptedException {
        List<String> down = compose(dir);
        down.addAll(List.of("down", "--remove-orphans", "-t", "5"));
        return run(down, dir, 300);
    }

    /** {@code docker compose} when the plugin is there, else the {@code docker-compose} program, on this project. */
    private static List<String> compose(Path dir) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("docker", "compose", "version").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        boolean plugin = p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        List<String> c = new ArrayList<>(plugin ? List.of("docker", "compose") : List.of("docker-compose"));
        c.addAll(List.of("-f", dir.resolve(DeployTarget.COMPOSE.file()).toString(), "-p", dir.getFileName().toString()));
        return c;
    }
}
