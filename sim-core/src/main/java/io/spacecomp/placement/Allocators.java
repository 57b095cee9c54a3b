package io.spacecomp.placement;

import java.util.List;
import java.util.Locale;

/** Looks allocators up by the names used in job specs and experiment configurations. */
public final class Allocators {

    /** The accepted names ({@code bipartite} is an alias of {@code hungarian}). */
    public static final List<String> NAMES = List.of("random", "eager", "hungarian", "bipartite", "lapjv");

    private Allocators() {
    }

    /**
     * The allocator called {@code name} (case-insensitive, surrounding blanks ignored).
     *
     * @param name one of {@code random}, {@code eager}, {@code hungarian} (alias {@code bipartite}),
     *             {@code lapjv}
     * @param seed the seed of {@link RandomAllocator}; ignored by the deterministic allocators
     * @throws IllegalArgumentException for an unknown or null name, listing the allowed ones
     */
    public static Allocator byName(String name, long seed) {
        String key = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return switch (key) {
            case "random" -> new RandomAllocator(seed);
            case "eager" -> new EagerAllocator();
            case "hungarian", "bipartite" -> new HungarianAllocator();
            case "lapjv" -> new LapjvAllocator();
            default -> throw new IllegalArgumentException("unknown allocator '" + name
                    + "'; allowed: random, eager, hungarian (alias bipartite), lapjv");
        };
    }
}
