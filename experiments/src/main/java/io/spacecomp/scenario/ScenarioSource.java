package io.spacecomp.scenario;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Where a scenario came from: its label for messages, the folder its relative paths start from, and the
 * line of every key path, read from the YAML parser's token locations (the tree itself keeps none).
 */
final class ScenarioSource {

    private final String label;
    private final Path baseDir;
    private final Map<String, Integer> lines;

    private ScenarioSource(String label, Path baseDir, Map<String, Integer> lines) {
        this.label = label;
        this.baseDir = baseDir;
        this.lines = lines;
    }

    /** Records the line of every key and value of {@code yaml}. */
    static ScenarioSource of(String label, Path baseDir, String yaml, YAMLFactory factory) throws IOException {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser p = factory.createParser(yaml)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    continue;
                }
                // FIELD_NAME comes first, so a key's line wins over its value's (a block value starts below it)
                lines.putIfAbsent(dotted(p.getParsingContext().pathAsPointer()), p.currentTokenLocation().getLineNr());
            }
        }
        return new ScenarioSource(label, baseDir, lines);
    }

    /** A source with no lines, for a scenario built in code or a derived (swept) tree. */
    static ScenarioSource synthetic(String label, Path baseDir) {
        return new ScenarioSource(label, baseDir, Map.of());
    }

    String label() {
        return label;
    }

    Path baseDir() {
        return baseDir;
    }

    /** The 1-based line of {@code keyPath} (dotted, with [i] indices), or of its nearest ancestor; 0 if unknown. */
    int lineOf(String keyPath) {
        for (String p = keyPath; ; ) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            if (p.isEmpty()) {
                return 0;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? "" : p.substring(0, cut);
        }
    }

    /** {@code /constellation/walker/planes} → {@code constellation.walker.planes}; {@code /stations/2} → {@code stations[2]}. */
    static String dotted(JsonPointer pointer) {
        StringBuilder b = new StringBuilder();
        for (JsonPointer p = pointer; p != null && !p.matches(); p = p.tail()) {
            int index = p.getMatchingIndex();
            if (index >= 0 && p.getMatchingProperty().equals(Integer.toString(index))) {
                b.append('[').append(index).append(']');
            } else {
                if (b.length() > 0) {
                    b.append('.');
                }
                b.append(p.getMatchingProperty());
            }
        }
        return b.toString();
    }
}
