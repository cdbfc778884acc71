package io.streamtune.demo.loop;

import io.streamtune.demo.data.LabelledText;

/**
 * An event the demo sends.
 *
 * @param seq its place in the stream, from 0
 * @param eventId the event id on Kafka: the run id, a slash, and the example's id
 * @param example the labelled example it carries
 */
public record StreamedEvent(int seq, String eventId, LabelledText example) {

    /** The event id of an example in a run. */
    public static String eventId(String runId, LabelledText example) {
        return runId + "/" + example.id();
    }
}
