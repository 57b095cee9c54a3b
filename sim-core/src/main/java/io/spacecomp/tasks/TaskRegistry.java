package io.spacecomp.tasks;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The tasks a satellite can run, by name: every {@link Collector}, {@link Mapper}, {@link Combiner} and
 * {@link Reducer} that {@link ServiceLoader} finds through a class loader: ours for the built-in tasks, or
 * {@link TaskClasspath}'s for the user's jars ({@code --tasks}) too. Immutable once built.
 */
public final class TaskRegistry {

    private final Map<String, Collector> collectors;
    private final Map<String, Mapper> mappers;
    private final Map<String, Combiner> combiners;
    private final Map<String, Reducer> reducers;

    private TaskRegistry(ClassLoader loader) {
        collectors = load(Collector.class, loader);
        mappers = load(Mapper.class, loader);
        combiners = load(Combiner.class, loader);
        reducers = load(Reducer.class, loader);
    }

    /** Every task found through the context class loader (or ours). */
    public static TaskRegistry discover() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        return new TaskRegistry(cl != null ? cl : TaskRegistry.class.getClassLoader());
    }

    public static TaskRegistry discover(ClassLoader loader) {
        return new TaskRegistry(loader);
    }

    private static <T extends Task> Map<String, T> load(Class<T> type, ClassLoader loader) {
        Map<String, T> byName = new TreeMap<>();
        for (T task : ServiceLoader.load(type, loader)) {
            T previous = byName.putIfAbsent(task.name(), task);
            if (previous != null && previous.getClass() != task.getClass()) {
                throw new IllegalStateException("two " + type.getSimpleName() + " tasks are named '" + task.name() + "': "
                        + previous.getClass().getName() + " and " + task.getClass().getName());
            }
        }
        return Collections.unmodifiableMap(byName);
    }

    public Optional<Collector> collector(String name) {
        return Optional.ofNullable(collectors.get(name));
    }

    public Optional<Mapper> mapper(String name) {
        return Optional.ofNullable(mappers.get(name));
    }

    public Optional<Combiner> combiner(String name) {
        return Optional.ofNullable(combiners.get(name));
    }

    public Optional<Reducer> reducer(String name) {
        return Optional.ofNullable(reducers.get(name));
    }

    public Map<String, Collector> collectors() {
        return collectors;
    }

    public Map<String, Mapper> mappers() {
        return mappers;
    }

    public Map<String, Combiner> combiners() {
        return combiners;
    }

    public Map<String, Reducer> reducers() {
        return reducers;
    }
}
