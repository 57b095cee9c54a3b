package io.spacecomp.experiments;

import java.util.function.Function;

/**
 * One CSV column: its header (unit in the name: {@code _km}, {@code _s}, {@code _deg}, {@code _pct};
 * plain counts and labels carry none) and how a row renders into it.
 *
 * @param header      column name
 * @param description what it holds, with its unit (for the JSON and the README)
 * @param value       the row's cell, already formatted
 * @param <R>         row type
 */
public record Column<R>(String header, String description, Function<R, String> value) {

    public static <R> Column<R> of(String header, String description, Function<R, String> value) {
        return new Column<>(header, description, value);
    }
}
