package io.streamtune.trainer.it;

import io.streamtune.schemas.ModelStatus;
import io.streamtune.schemas.ModelVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Stops a trainer inside its publishing transaction: when the decision record (PROMOTED or REJECTED) is sent, it
 * waits until the broker has acknowledged the CANDIDATE record of the same transaction, writes the marker file
 * named by {@value #MARKER_CONFIG} and blocks the sending thread for good, so the transaction stays open until the
 * process is killed.
 *
 * <p>It is configured like any client interceptor, with {@code kafka.interceptor.classes}. The trainer gives its
 * {@code kafka.*} settings to every client (producers, consumers, Kafka Streams), so it is a consumer interceptor
 * too, one that passes everything through; without the marker setting it does nothing at all.
 */
public final class DecisionBlockingInterceptor
        implements ProducerInterceptor<Object, Object>, ConsumerInterceptor<Object, Object> {

    /** The client setting naming the marker file. */
    public static final String MARKER_CONFIG = "streamtune.it.decision.marker";

    private static final long CANDIDATE_ACK_TIMEOUT_SECONDS = 60;

    private final CountDownLatch candidateAcknowledged = new CountDownLatch(1);
    private volatile Path marker;
    private volatile String candidateTopic;

    @Override
    public void configure(Map<String, ?> configs) {
        Object value = configs.get(MARKER_CONFIG);
        marker = value == null ? null : Path.of(value.toString());
    }

    @Override
    public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
        if (marker == null || !(record.value() instanceof ModelVersion version)) {
            return record;
        }
        if (version.getStatus() == ModelStatus.CANDIDATE) {
            candidateTopic = record.topic();
            return record;
        }
        awaitCandidateAcknowledged();
        try {
            TrainerProcessMain.announceAndBlock(marker, Long.toString(version.getVersion()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return record;
    }

    private void awaitCandidateAcknowledged() {
        try {
            if (!candidateAcknowledged.await(CANDIDATE_ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the CANDIDATE record was not acknowledged in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
        if (exception == null && metadata != null && metadata.topic().equals(candidateTopic)) {
            candidateAcknowledged.countDown();
        }
    }

    @Override
    public ConsumerRecords<Object, Object> onConsume(ConsumerRecords<Object, Object> records) {
        return records;
    }

    @Override
    public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        // nothing to do for consumers
    }

    @Override
    public void close() {
        // nothing held
    }
}
