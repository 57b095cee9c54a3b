package io.spacecomp.scenario;

/** How many of the AOI's satellites a role takes: a fraction of them, or a fixed count. */
public sealed interface Amount {

    /** The count for an AOI of {@code aoiSats} satellites (at least 1). */
    int of(int aoiSats);

    /** As written in the scenario. */
    String text();

    /** {@code max(1, floor(fraction · aoiSats))}. */
    record Fraction(double fraction) implements Amount {
        @Override
        public int of(int aoiSats) {
            // the tolerance keeps 0.2 × 15 = 3.0000000000000004 and 0.2 × 10 = 2 on the intended integer
            return Math.max(1, (int) Math.floor(fraction * aoiSats + 1e-9));
        }

        @Override
        public String text() {
            return ScenarioNode.fmt(fraction);
        }
    }

    /** A fixed count. */
    record Count(int count) implements Amount {
        @Override
        public int of(int aoiSats) {
            return count;
        }

        @Override
        public String text() {
            return Integer.toString(count);
        }
    }
}
