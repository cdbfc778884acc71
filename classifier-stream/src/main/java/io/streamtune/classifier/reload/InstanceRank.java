package io.streamtune.classifier.reload;

/** This instance's place (0, 1, ...) among the live instances of the application, for staggered reloads. */
@FunctionalInterface
public interface InstanceRank {

    int rank();
}
