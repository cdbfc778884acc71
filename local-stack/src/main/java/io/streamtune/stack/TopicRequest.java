package io.streamtune.stack;

/**
 * A topic the stack should have.
 *
 * @param name the topic name
 * @param partitions how many partitions it gets when created
 * @param compacted {@code cleanup.policy=compact} when true, the broker default ({@code delete}) otherwise
 */
public record TopicRequest(String name, int partitions, boolean compacted) {

    public TopicRequest {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A topic needs a name");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("Topic " + name + " needs at least one partition, got " + partitions);
        }
    }
}
