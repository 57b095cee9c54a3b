package io.spacecomp.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Where {@code spacecomp constellation} runs a live constellation, and the files it writes for it. */
public enum DeployTarget {
    /** Docker Compose on this machine: {@code compose.yaml}. */
    COMPOSE("compose.yaml"),
    /** A Docker Swarm of one or more nodes: {@code stack.yaml} for {@code docker stack deploy}. */
    SWARM("stack.yaml"),
    /** A Kubernetes cluster: {@code k8s/constellation.yaml} and {@code k8s/secret.yaml} for {@code kubectl apply -f k8s/}. */
    K8S("k8s/constellation.yaml");

    private final String file;

    DeployTarget(String file) {
        this.file = file;
    }

    /** The main file written, relative to the constellation's directory. */
    public String file() {
        return file;
    }

    /** The flag value: compose, swarm, k8s. */
    public String flag() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static List<String> flags() {
        List<String> out = new ArrayList<>();
        for (DeployTarget t : values()) {
            out.add(t.flag());
        }
        return out;
    }

    /** @throws IllegalArgumentException naming {@code --target} and the allowed values */
    public static DeployTarget parse(String text) {
        for (DeployTarget t : values()) {
            if (t.flag().equals(text)) {
                return t;
            }
        }
        throw new IllegalArgumentException("invalid value for --target: " + text + " (allowed: " + String.join(", ", flags()) + ")");
    }
}
