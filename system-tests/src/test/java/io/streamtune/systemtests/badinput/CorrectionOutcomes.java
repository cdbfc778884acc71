package io.streamtune.systemtests.badinput;

import io.streamtune.schemas.LabelCorrection;
import io.streamtune.schemas.serde.ConfluentAvroDeserializer;
import io.streamtune.trainer.feedback.DeadLetters;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Names the input of each output record: a training-set record by its key (the event id: the input's key, or the
 * event id in its value when it had none), a dead letter by the
 * sequence header it kept or, when the trainer dropped the headers (a correction that waited for its text), by
 * its source partition and offset.
 */
final class CorrectionOutcomes {

    private final CorpusTopics topics;
    private final Map<String, Integer> byKey = new HashMap<>();
    private final Map<String, Integer> byCoordinates = new HashMap<>();
    private final ConfluentAvroDeserializer<LabelCorrection> corrections;
    private final List<String> problems;

    CorrectionOutcomes(
            CorpusTopics topics, List<CorpusRecord> all, Map<Integer, RecordMetadata> where, List<String> problems) {
        this.topics = topics;
        this.problems = problems;
        this.corrections = topics.deserializer(LabelCorrection.class);
        for (CorpusRecord record : all) {
            String key = record.key() == null || record.key().length == 0
                    ? eventIdOf(record)
                    : new String(record.key(), StandardCharsets.UTF_8);
            if (key != null) {
                byKey.put(key, record.sequence());
            }
            RecordMetadata metadata = where.get(record.sequence());
            byCoordinates.put(
                    metadata.topic() + "-" + metadata.partition() + "@" + metadata.offset(), record.sequence());
        }
    }

    /** The event id in an unkeyed record's value (the trainer keys it by that id), or null when unreadable. */
    private String eventIdOf(CorpusRecord record) {
        try {
            LabelCorrection correction = corrections.deserialize(topics.corrections, record.value());
            return correction == null ? null : correction.getEventId();
        } catch (RuntimeException e) {
            return null;
        }
    }

    int sequenceOf(ConsumerRecord<byte[], byte[]> record) {
        if (record.topic().equals(topics.trainingSet)) {
            return byKey.getOrDefault(new String(record.key(), StandardCharsets.UTF_8), -1);
        }
        int sequence = CorpusRecord.sequenceOf(record.headers());
        if (sequence >= 0) {
            return sequence;
        }
        String source = header(record, DeadLetters.SOURCE_TOPIC) + "-" + header(record, DeadLetters.SOURCE_PARTITION)
                + "@" + header(record, DeadLetters.SOURCE_OFFSET);
        return byCoordinates.getOrDefault(source, -1);
    }

    String outcomeOf(ConsumerRecord<byte[], byte[]> record) {
        if (record.topic().equals(topics.trainingSet)) {
            LabelCorrection example = corrections.deserialize(record.topic(), record.value());
            if (example.getText() == null || example.getText().isBlank()) {
                problems.add("training example without text: " + example);
            }
            return CorrectionCorpus.TRAINING_SET;
        }
        String reason = header(record, DeadLetters.REASON);
        if (reason == null
                || header(record, DeadLetters.SOURCE_OFFSET) == null
                || header(record, DeadLetters.EXCEPTION_MESSAGE) == null) {
            problems.add("dead letter at offset " + record.offset() + " without reason or source headers");
        }
        return reason == null ? "NO_REASON" : reason;
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
