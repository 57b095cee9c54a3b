package io.spacecomp.deploy;

import java.io.IOException;
import java.util.List;

import static io.spacecomp.deploy.ExternalCommands.run;

/** The image docker runs a constellation from: built on this machine when missing, pushed to the registry when there is one. */
final class LocalImage {

    private LocalImage() {
    }

    /** Builds the image when missing (or asked to), then tags and pushes it to the registry; returns 0 or the failed command's status. */
    static int prepare(Deployment.Start start) throws IOException, InterruptedException {
        ConstellationSettings s = start.settings();
        String image = s.localImage();
        boolean have = run(List.of("docker", "image", "inspect", "--format", "ok", image), start.dir(), 60) == 0;
        if (start.rebuild() || !have) {
            int built = run(List.of("bash", start.buildScript().toString(), image), start.dir(), 900);
            if (built != 0) {
                return built;
            }
        }
        if (s.pushes()) {
            int tagged = run(List.of("docker", "tag", image, s.image()), start.dir(), 60);
            int pushed = tagged != 0 ? tagged : run(List.of("docker", "push", s.image()), start.dir(), 900);
            if (pushed != 0) {
                start.err().printf("could not push %s (is the registry %s reachable, and are you logged in?)%n", s.image(), s.registry());
                return pushed;
            }
        }
        return 0;
    }
}
