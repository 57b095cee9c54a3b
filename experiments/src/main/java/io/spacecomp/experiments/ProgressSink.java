package io.spacecomp.experiments;

/** Where a sweep reports how many of its units are done (a terminal bar, or nothing). */
public interface ProgressSink {

    /** Reports nothing. */
    ProgressSink NONE = (task, total) -> new Bar() {
        @Override
        public void step() {
        }

        @Override
        public void close() {
        }
    };

    /** Starts a bar for {@code total} units of work named {@code task}. */
    Bar start(String task, long total);

    /** One bar; {@link #step()} may be called from any thread. */
    interface Bar extends AutoCloseable {
        void step();

        @Override
        void close();
    }
}
