package io.spacecomp.experiments;

import java.nio.charset.StandardCharsets;

/**
 * Per-run seeds derived from (master seed, scenario family, N, run) alone — never from thread order or
 * time — so a run draws the same scenario whatever the thread count, and sibling figures that share a
 * family (e.g. figures 7 and 8) see the same scenarios.
 */
public final class Seeds {

    private Seeds() {
    }

    /** The seed of run {@code run} (0-based) at N = {@code planes} of scenario family {@code family}. */
    public static long derive(long seed, String family, int planes, int run) {
        long h = mix(seed ^ 0x5DEECE66DL);
        h = mix(h ^ fnv1a64(family));
        h = mix(h ^ (0x9E3779B97F4A7C15L * (planes + 1L)));
        h = mix(h ^ (0xC2B2AE3D27D4EB4FL * (run + 1L)));
        return h;
    }

    /** A seed for a second, independent stream of the same run (e.g. the random allocator's). */
    public static long stream(long runSeed, int stream) {
        return mix(runSeed ^ (0xD6E8FEB86659FD93L * (stream + 1L)));
    }

    /** SplitMix64's finaliser: a bijective 64-bit mix. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** FNV-1a over the UTF-8 bytes: stable across JVMs, unlike identity hashes. */
    static long fnv1a64(String s) {
        long h = 0xCBF29CE484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= 0x100000001B3L;
        }
        return h;
    }
}
