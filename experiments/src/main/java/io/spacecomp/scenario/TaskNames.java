package io.spacecomp.scenario;

/**
 * The tasks of a job, by registry name. A non-empty {@code combine} skips the map phase (collectors
 * stream straight to the reducer through the combiner), as leopymr's {@code combine_task} does.
 */
public record TaskNames(String collect, String map, String combine, String reduce) {

    /** The reference word count. */
    public static final TaskNames WORD_COUNT = new TaskNames("doccollector", "wordcountmapper", "", "sumreducer");

    public boolean skipsMap() {
        return !combine.isEmpty();
    }
}
