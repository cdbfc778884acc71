package io.streamtune.schemas;

/** Registry subject names by topic (Confluent's TopicNameStrategy): {@code <topic>-value} and {@code <topic>-key}. */
public final class Subjects {

    private Subjects() {}

    /** The subject of a topic's record values, e.g. {@code text-events-value}. */
    public static String valueSubject(String topic) {
        return requireTopic(topic) + "-value";
    }

    /** The subject of a topic's record keys, e.g. {@code text-events-key}. */
    public static String keySubject(String topic) {
        return requireTopic(topic) + "-key";
    }

    /** The key or value subject of a topic. */
    public static String subject(String topic, boolean isKey) {
        return isKey ? keySubject(topic) : valueSubject(topic);
    }

    private static String requireTopic(String topic) {
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("topic must not be null or blank");
        }
        return topic;
    }
}
