package io.spacecomp.tasks;

/**
 * Optional: what a task costs to run, measured on the reference machine by timing its real code. A task that
 * implements this is charged {@code perRecordS · records + perByteS · bytes} seconds (times the phase's m_p or
 * r_p and the simulation's {@code taskCostScale}) instead of the simulation's generic per-record and per-byte
 * figures; {@code records} and {@code bytes} are what the task processes (a collector: what it produces; a
 * mapper, combiner or reducer: its input), attachment bytes included.
 */
public interface TaskCost {

    /** Seconds per record on the reference machine. */
    double perRecordS();

    /** Seconds per byte on the reference machine. */
    double perByteS();
}
