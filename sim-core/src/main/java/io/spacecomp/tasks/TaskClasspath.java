package io.spacecomp.tasks;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.jar.JarFile;

/**
 * The user's task jars: every jar named by {@code --tasks} (or {@code SPACECOMP_CLASSPATH}) in one
 * {@link URLClassLoader} above ours, and the {@link TaskRegistry} {@link ServiceLoader} finds there: the
 * built-in tasks plus the jars'. Every jar is checked: it exists, is a readable jar, and lists at least
 * one task in {@code META-INF/services}; a jar task named like a built-in one, or like a task of another
 * jar, is an error, never a silent override.
 *
 * @param jars     the jars, absolute, in the order given
 * @param registry every task: built-in and the jars'
 */
public record TaskClasspath(List<Jar> jars, TaskRegistry registry) {

    /** Environment variable naming task jars, separated by the platform's path separator (':' on Linux). */
    public static final String ENV = "SPACECOMP_CLASSPATH";

    /** The task interfaces a jar may provide, as {@code META-INF/services} file names. */
    static final List<Class<? extends Task>> KINDS = List.of(Collector.class, Mapper.class, Combiner.class, Reducer.class);

    /**
     * One task jar and where it was named.
     *
     * @param path   the jar
     * @param origin where it was named, for messages: {@code --tasks} or {@code SPACECOMP_CLASSPATH}
     */
    public record Jar(Path path, String origin) {
        public Jar {
            path = path.toAbsolutePath().normalize();
        }
    }

    public TaskClasspath {
        jars = List.copyOf(jars);
    }

    /** No jars: the built-in tasks (and whatever else is on the class path). */
    public static TaskClasspath builtin() {
        return new TaskClasspath(List.of(), TaskRegistry.discover(TaskClasspath.class.getClassLoader()));
    }

    /**
     * The entries of a {@code SPACECOMP_CLASSPATH} value: separated by {@link File#pathSeparator}, empty
     * entries skipped; an entry {@code DIR/*} stands for every {@code .jar} in DIR (as {@code java -cp}).
     */
    public static List<Jar> parse(String value, String origin) {
        List<Jar> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        for (String entry : value.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                out.addAll(expand(entry.strip(), origin));
            }
        }
        return out;
    }

    /** One {@code --tasks} value: a jar, or {@code DIR/*} for every jar in DIR (sorted by name). */
    public static List<Jar> expand(String entry, String origin) {
        if (!entry.endsWith(File.separator + "*") && !entry.equals("*")) {
            return List.of(new Jar(Path.of(entry), origin));
        }
        Path dir = Path.of(entry.length() == 1 ? "." : entry.substring(0, entry.length() - 2));
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("invalid value for " + origin + ": " + entry + " (allowed: a jar, or DIR/* for every jar "
                    + "in an existing directory; " + dir + " is not a directory)");
        }
        List<Jar> out = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "*.jar")) {
            s.forEach(p -> out.add(new Jar(p, origin)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        out.sort((a, b) -> a.path().toString().compareTo(b.path().toString()));
        return out;
    }

    /**
     * Loads the jars: checks each, puts them in one class loader above this one, and builds the registry.
     *
     * @throws IllegalArgumentException naming the jar's origin and path: missing, not a jar, no task
     *                                  service, or a task whose name is taken
     */
    public static TaskClasspath load(List<Jar> jars) {
        if (jars.isEmpty()) {
            return builtin();
        }
        Map<Path, Jar> unique = new LinkedHashMap<>();
        for (Jar j : jars) {
            check(j);
            unique.putIfAbsent(j.path(), j);
        }
        List<URL> urls = new ArrayList<>();
        for (Jar j : unique.values()) {
            try {
                urls.add(j.path().toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(message(j, "cannot be turned into a URL: " + e.getMessage()));
            }
        }
        ClassLoader parent = TaskClasspath.class.getClassLoader();
        URLClassLoader loader = new URLClassLoader("spacecomp-tasks", urls.toArray(new URL[0]), parent);
        for (Class<? extends Task> kind : KINDS) {
            checkNames(kind, loader, unique);
        }
        return new TaskClasspath(List.copyOf(unique.values()), TaskRegistry.discover(loader));
    }

    /** The jar exists, opens as a jar, and lists at least one task service. */
    private static void check(Jar j) {
        Path p = j.path();
        if (!Files.exists(p)) {
            throw new IllegalArgumentException(message(j, "does not exist"));
        }
        if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
            throw new IllegalArgumentException(message(j, "is not a readable file"));
        }
        try (JarFile jar = new JarFile(p.toFile())) {
            for (Class<? extends Task> kind : KINDS) {
                if (jar.getEntry("META-INF/services/" + kind.getName()) != null) {
                    return;
                }
            }
            throw new IllegalArgumentException(message(j, "lists no task: it has none of META-INF/services/" + serviceNames()));
        } catch (IOException e) {
            throw new IllegalArgumentException(message(j, "is not a jar (" + e.getMessage() + ")"));
        }
    }

    /** Every task name of {@code kind} is given once: by a built-in task or by one jar. */
    private static void checkNames(Class<? extends Task> kind, URLClassLoader loader, Map<Path, Jar> jars) {
        Map<String, String> owner = new LinkedHashMap<>();
        for (ServiceLoader.Provider<? extends Task> provider : ServiceLoader.load(kind, loader).stream().toList()) {
            Task task;
            try {
                task = provider.get();
            } catch (java.util.ServiceConfigurationError e) {
                throw new IllegalArgumentException("a task jar lists a " + kind.getSimpleName() + " it cannot provide: " + e.getMessage());
            }
            String where = where(provider.type(), loader, jars);
            String previous = owner.putIfAbsent(task.name(), where);
            if (previous != null && !previous.equals(where)) {
                Jar culprit = jars.get(jarOf(provider.type()));
                String text = "provides " + kind.getSimpleName() + " '" + task.name() + "' (" + provider.type().getName()
                        + "), a name " + previous + " already gives; rename the task";
                throw new IllegalArgumentException(culprit != null ? message(culprit, text) : "task jars: " + where + " " + text);
            }
        }
    }

    /** "the built-in tasks" for a class of our own class path, else "--tasks PATH". */
    private static String where(Class<?> type, URLClassLoader loader, Map<Path, Jar> jars) {
        if (type.getClassLoader() != loader) {
            return "the built-in tasks (class path)";
        }
        Jar j = jars.get(jarOf(type));
        return j == null ? "a task jar" : j.origin() + " " + j.path();
    }

    private static Path jarOf(Class<?> type) {
        try {
            var source = type.getProtectionDomain().getCodeSource();
            return source == null ? null : Path.of(source.getLocation().toURI()).toAbsolutePath().normalize();
        } catch (Exception e) {
            return null;
        }
    }

    private static String serviceNames() {
        List<String> names = new ArrayList<>();
        for (Class<? extends Task> k : KINDS) {
            names.add(k.getName());
        }
        return String.join(", ", names);
    }

    private static String message(Jar j, String problem) {
        return "invalid value for " + j.origin() + ": " + j.path() + " " + problem
                + " (allowed: a readable jar listing its tasks in META-INF/services/io.spacecomp.tasks.<Collector|Mapper|Combiner|Reducer>)";
    }

    /** The jars as plain paths, in order. */
    public List<Path> paths() {
        return jars.stream().map(Jar::path).toList();
    }
}
