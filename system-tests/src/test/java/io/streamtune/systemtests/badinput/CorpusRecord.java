package io.streamtune.systemtests.badinput;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;

/**
 * One record of a corpus: its kind (a row of the table), its key and value bytes, and what must become of it: an
 * outcome such as {@code CLASSIFIED} or a dead-letter reason, or {@link #EITHER} when only "processed or
 * dead-lettered, not lost" can be said (seeded random mutations). The sequence number travels in the
 * {@value #SEQUENCE_HEADER} header, which the classifier keeps on classifications and both services keep on dead
 * letters.
 */
record CorpusRecord(int sequence, String kind, byte[] key, byte[] value, String expected) {

    static final String SEQUENCE_HEADER = "badinput.sequence";
    static final String EITHER = "EITHER";

    ProducerRecord<byte[], byte[]> toProducerRecord(String topic, Long timestamp) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, null, timestamp, key, value);
        record.headers()
                .add(
                        SEQUENCE_HEADER,
                        ByteBuffer.allocate(Integer.BYTES).putInt(sequence).array());
        return record;
    }

    /** The sequence number in a record's headers, or -1 when there is none. */
    static int sequenceOf(Headers headers) {
        var header = headers.lastHeader(SEQUENCE_HEADER);
        return header == null || header.value().length != Integer.BYTES
                ? -1
                : ByteBuffer.wrap(header.value()).getInt();
    }

    @Override
    public String toString() {
        String shownKey = key == null ? "null" : new String(key, StandardCharsets.UTF_8);
        return "#" + sequence + " " + kind + " key=" + shownKey + " (" + (value == null ? "null" : value.length)
                + " bytes, expected " + expected + ")";
    }
}
