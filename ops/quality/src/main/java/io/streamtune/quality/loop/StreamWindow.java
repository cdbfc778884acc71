package io.streamtune.quality.loop;

/**
 * Consecutive streamed events, as the versions in service classified them.
 *
 * @param index the window number, from 0
 * @param firstEvent the stream position of its first event
 * @param events how many events it holds
 * @param correct how many the version in service classified right
 * @param corrections how many wrong ones the annotator corrected
 * @param versionAtEnd the version in service at its last event
 */
public record StreamWindow(int index, int firstEvent, int events, int correct, int corrections, long versionAtEnd) {

    public double accuracy() {
        return events == 0 ? Double.NaN : (double) correct / events;
    }
}
