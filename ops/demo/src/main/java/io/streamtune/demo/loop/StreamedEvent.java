package io.streamtune.demo.loop;

import io.streamtune.demo.data.LabelledText;

/**
 * An event the demo sends.
 *
 * @param seq its place in the stream, from 0
 * @param eventId the event id on Kafka: the example's id, after a prefix that sets runs on one stack apart
 * @param example the labelled example it carries
 */
public record StreamedEvent(int seq, String eventId, LabelledText example) {

    /** The event id of an example: the prefix (may be empty) and the example's id. */
    public static String eventId(String prefix, LabelledText example) {
        return prefix + example.id();
    }
}
