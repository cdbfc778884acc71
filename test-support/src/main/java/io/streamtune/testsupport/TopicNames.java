package io.streamtune.testsupport;

import java.util.UUID;

/** Builds topic names that are unique per test run and still say which test made them. */
final class TopicNames {

    private static final int MAX_PREFIX = 200;

    private TopicNames() {}

    /** {@code <prefix>-<n>-<8 hex>}, with characters Kafka does not allow in a name replaced by '-'. */
    static String unique(String prefix, int sequence, UUID random) {
        String cleaned = prefix == null || prefix.isBlank() ? "topic" : prefix.replaceAll("[^a-zA-Z0-9._-]", "-");
        if (cleaned.length() > MAX_PREFIX) {
            cleaned = cleaned.substring(0, MAX_PREFIX);
        }
        return cleaned + "-" + sequence + "-" + random.toString().substring(0, 8);
    }
}
