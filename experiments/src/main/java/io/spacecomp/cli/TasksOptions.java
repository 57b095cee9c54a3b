package io.spacecomp.cli;

import io.spacecomp.tasks.TaskClasspath;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code --tasks JAR} (repeatable) and {@code SPACECOMP_CLASSPATH}: the user's task jars, shared by every
 * command that runs tasks. Every jar is checked when the command starts; a bad one is a usage error naming
 * {@code --tasks} (or the variable) and the path.
 */
public final class TasksOptions {

    @Option(names = "--tasks", paramLabel = "JAR",
            description = "A jar of your own tasks, listed in its META-INF/services (repeatable; DIR/* for every jar in DIR). "
                    + "Jars in the environment variable " + TaskClasspath.ENV + " (':'-separated) are added too.")
    List<String> tasks = new ArrayList<>();

    private TaskClasspath loaded;

    /** The jars of {@code SPACECOMP_CLASSPATH}, then those of {@code --tasks}, loaded and checked once. */
    TaskClasspath load() {
        if (loaded == null) {
            List<TaskClasspath.Jar> jars = new ArrayList<>(TaskClasspath.parse(System.getenv(TaskClasspath.ENV), TaskClasspath.ENV));
            for (String t : tasks) {
                jars.addAll(TaskClasspath.expand(t, "--tasks"));
            }
            loaded = TaskClasspath.load(jars);
        }
        return loaded;
    }
}
