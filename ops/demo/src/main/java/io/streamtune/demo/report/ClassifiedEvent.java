package io.streamtune.demo.report;

/**
 * One streamed event and what the classifier said about it.
 *
 * @param seq the event's place in the stream, from 0
 * @param eventId its id
 * @param truth its true label
 * @param predicted the classifier's label
 * @param version the model version that decided
 */
public record ClassifiedEvent(int seq, String eventId, String truth, String predicted, long version) {

    public boolean correct() {
        return truth.equals(predicted);
    }
}
