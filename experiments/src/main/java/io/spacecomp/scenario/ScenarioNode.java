package io.spacecomp.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A value of the parsed scenario tree that knows its key path and line, so every check can say where
 * it failed. Readers take a key, a range or a list of allowed values, and a default for optional keys.
 */
final class ScenarioNode {

    private final JsonNode node;
    private final String path;
    private final ScenarioSource source;

    ScenarioNode(JsonNode node, String path, ScenarioSource source) {
        this.node = node;
        this.path = path;
        this.source = source;
    }

    JsonNode json() {
        return node;
    }

    String path() {
        return path;
    }

    ScenarioSource source() {
        return source;
    }

    boolean isMissing() {
        return node.isMissingNode() || node.isNull();
    }

    /** The child at {@code key}: missing when absent. */
    ScenarioNode get(String key) {
        JsonNode child = node.isObject() ? node.get(key) : null;
        return new ScenarioNode(child == null ? MissingNode.getInstance() : child, child(key), source);
    }

    boolean has(String key) {
        return !get(key).isMissing();
    }

    /** Fails unless this is a mapping whose keys are all in {@code allowed}: a typo must not give a default. */
    ScenarioNode requireObject(Collection<String> allowed) {
        if (!node.isObject()) {
            throw error("expected a mapping of " + String.join(", ", allowed) + ", got " + describe(node));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            String key = it.next().getKey();
            if (!allowed.contains(key)) {
                throw new ScenarioNode(node.get(key), child(key), source)
                        .error("unknown key (allowed here: " + String.join(", ", allowed) + ")");
            }
        }
        return this;
    }

    /** The elements of a sequence, each with its indexed path ({@code stations[2]}). */
    List<ScenarioNode> elements() {
        if (!node.isArray()) {
            throw error("expected a list, got " + describe(node));
        }
        List<ScenarioNode> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            out.add(new ScenarioNode(node.get(i), path + "[" + i + "]", source));
        }
        return out;
    }

    /** A required child. */
    ScenarioNode required(String key) {
        ScenarioNode c = get(key);
        if (c.isMissing()) {
            throw error("missing key '" + key + "'");
        }
        return c;
    }

    int integer(String key, int min, int max, Integer dflt) {
        ScenarioNode c = get(key);
        if (c.isMissing()) {
            if (dflt == null) {
                throw error("missing key '" + key + "' (an integer in [" + min + ", " + max + "])");
            }
            return dflt;
        }
        return c.asInteger(min, max);
    }

    int asInteger(int min, int max) {
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw error(describe(node) + " is not an integer in [" + min + ", " + max + "]");
        }
        int v = node.intValue();
        if (v < min || v > max) {
            throw error(v + " is not in [" + min + ", " + max + "]");
        }
        return v;
    }

    long longValue(String key, long dflt) {
        ScenarioNode c = get(key);
        if (c.isMissing()) {
            return dflt;
        }
        if (!c.node.isIntegralNumber() || !c.node.canConvertToLong()) {
            throw c.error(describe(c.node) + " is not a 64-bit integer");
        }
        return c.node.longValue();
    }

    double number(String key, double min, double max, Double dflt) {
        ScenarioNode c = get(key);
        if (c.isMissing()) {
            if (dflt == null) {
                throw error("missing key '" + key + "' (a number in [" + fmt(min) + ", " + fmt(max) + "])");
            }
            return dflt;
        }
        return c.asNumber(min, max);
    }

    double asNumber(double min, double max) {
        if (!node.isNumber()) {
            throw error(describe(node) + " is not a number in [" + fmt(min) + ", " + fmt(max) + "]");
        }
        double v = node.doubleValue();
        if (!(v >= min && v <= max)) {
            throw error(fmt(v) + " is not in [" + fmt(min) + ", " + fmt(max) + "]");
        }
        return v;
    }

    boolean bool(String key, boolean dflt) {
        ScenarioNode c = get(key);
        if (c.isMissing()) {
            return dflt;
        }
        if (!c.node.isBoolean()) {
            throw c.error(describe(c.node) + " is not true or false");
        }
        return c.node.booleanValue();
    }

    String string(String key, String dflt) {
        ScenarioNode c = get(key);
        if (c.isMissing()) {
            if (dflt == null) {
                throw error("missing key '" + key + "'");
            }
            return dflt;
        }
        return c.asString();
    }

    String asString() {
        if (!node.isTextual()) {
            throw error(describe(node) + " is not a string");
        }
        return node.textValue();
    }

    String oneOf(String key, Collection<String> allowed, String dflt) {
        ScenarioNode c = get(key);
        if (c.isMissing()) {
            if (dflt == null) {
                throw error("missing key '" + key + "' (one of " + String.join(", ", allowed) + ")");
            }
            return dflt;
        }
        return c.asOneOf(allowed);
    }

    String asOneOf(Collection<String> allowed) {
        String v = node.isTextual() ? node.textValue() : null;
        if (v == null || !allowed.contains(v)) {
            throw error(describe(node) + " is not one of " + String.join(", ", allowed));
        }
        return v;
    }

    /** A list of distinct names from {@code allowed}; a single name is a list of one. */
    List<String> names(String key, Collection<String> allowed, List<String> dflt) {
        ScenarioNode c = get(key);
        if (c.isMissing()) {
            return dflt;
        }
        List<ScenarioNode> items = c.node.isArray() ? c.elements() : List.of(c);
        if (items.isEmpty()) {
            throw c.error("an empty list (give at least one of " + String.join(", ", allowed) + ")");
        }
        List<String> out = new ArrayList<>();
        for (ScenarioNode item : items) {
            String v = item.asOneOf(allowed);
            if (out.contains(v)) {
                throw item.error("'" + v + "' is listed twice");
            }
            out.add(v);
        }
        return List.copyOf(out);
    }

    ScenarioException error(String problem) {
        return new ScenarioException(source.label(), path, source.lineOf(path), problem);
    }

    private String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    static String describe(JsonNode n) {
        if (n.isMissingNode() || n.isNull()) {
            return "nothing";
        }
        if (n.isTextual()) {
            return "'" + n.textValue() + "'";
        }
        if (n.isObject()) {
            return "a mapping";
        }
        if (n.isArray()) {
            return "a list";
        }
        return n.toString();
    }

    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) <= 1e18) {
            return Long.toString((long) v);
        }
        String s = Double.toString(v);
        return s.toLowerCase(Locale.ROOT);
    }
}
