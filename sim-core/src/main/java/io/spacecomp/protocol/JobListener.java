package io.spacecomp.protocol;

/** Told once per job when its coordinator publishes the outcome. */
@FunctionalInterface
public interface JobListener {

    void jobFinished(JobOutcome outcome);
}
