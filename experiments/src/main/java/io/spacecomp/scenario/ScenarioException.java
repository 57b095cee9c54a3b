package io.spacecomp.scenario;

/**
 * A scenario file that cannot be used, with the key path and line that are wrong:
 * {@code starlink.yaml:7: constellation.walker.inclination_deg: 200 is not in [0, 180]}.
 */
public final class ScenarioException extends IllegalArgumentException {

    private final String source;
    private final String keyPath;
    private final int line;
    private final String problem;

    /**
     * @param source  the file (or a label) the scenario came from
     * @param keyPath the dotted key path, e.g. {@code constellation.walker.planes}; empty for the whole file
     * @param line    1-based line in the file, or 0 when unknown
     * @param problem what is wrong and what is allowed
     */
    public ScenarioException(String source, String keyPath, int line, String problem) {
        super(source + (line > 0 ? ":" + line : "") + ": " + (keyPath.isEmpty() ? "" : keyPath + ": ") + problem);
        this.source = source;
        this.keyPath = keyPath;
        this.line = line;
        this.problem = problem;
    }

    /** The same error with {@code note} appended to the problem. */
    public ScenarioException with(String note) {
        return new ScenarioException(source, keyPath, line, problem + note);
    }

    /** The dotted key path of the bad value. */
    public String keyPath() {
        return keyPath;
    }

    /** The 1-based line of the bad value, 0 when the parser gave none. */
    public int line() {
        return line;
    }
}
