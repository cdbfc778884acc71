package io.streamtune.trainer.publish;

import io.streamtune.schemas.LabelCorrection;
import io.streamtune.schemas.ModelVersion;
import io.streamtune.schemas.versions.ModelVersionKeys;
import io.streamtune.trainer.config.TrainerTopics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes model versions (and, for bootstrap, training examples) with a transactional producer. Its
 * {@code initTransactions()} fences any earlier producer of the same transactional id, so one trainer publishes
 * per model. Everything of one {@link #publish} call becomes visible together or not at all.
 */
public final class VersionPublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(VersionPublisher.class);

    private final Producer<String, SpecificRecord> producer;
    private final String transactionalId;
    private final TrainerTopics topics;

    /**
     * Takes over publishing: fences older producers of the transactional id and aborts their open transaction.
     *
     * @param producer a producer configured with the transactional id
     */
    public VersionPublisher(Producer<String, SpecificRecord> producer, String transactionalId, TrainerTopics topics) {
        this.producer = producer;
        this.topics = topics;
        this.transactionalId = transactionalId;
        producer.initTransactions();
        LOG.info("Publisher {} took over publishing", transactionalId);
    }

    /**
     * Publishes in one transaction.
     *
     * @param examples training examples to add to the training set (bootstrap), committed as consumed
     * @param versions the version records, in order (CANDIDATE, then PROMOTED or REJECTED)
     * @param consumed training-set offsets the round consumed
     * @param group the training-set consumer's group, whose offsets are committed with the versions
     * @throws PublisherFencedException when another trainer took over
     */
    public void publish(
            List<LabelCorrection> examples,
            List<ModelVersion> versions,
            Map<TopicPartition, OffsetAndMetadata> consumed,
            ConsumerGroupMetadata group) {
        try {
            producer.beginTransaction();
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (LabelCorrection example : examples) {
                sent.add(producer.send(new ProducerRecord<>(topics.trainingSet(), example.getEventId(), example)));
            }
            for (ModelVersion version : versions) {
                String key = ModelVersionKeys.key(version.getModelName(), version.getVersion());
                producer.send(new ProducerRecord<>(topics.modelVersions(), key, version));
            }
            producer.flush();
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>(consumed);
            addProduced(sent, offsets);
            if (!offsets.isEmpty()) {
                producer.sendOffsetsToTransaction(offsets, group);
            }
            producer.commitTransaction();
        } catch (ProducerFencedException | InvalidProducerEpochException e) {
            throw new PublisherFencedException(transactionalId, e);
        } catch (KafkaException e) {
            abortQuietly();
            throw e;
        }
    }

    private static void addProduced(List<Future<RecordMetadata>> sent, Map<TopicPartition, OffsetAndMetadata> offsets) {
        for (Future<RecordMetadata> future : sent) {
            RecordMetadata metadata = result(future);
            TopicPartition partition = new TopicPartition(metadata.topic(), metadata.partition());
            long next = metadata.offset() + 1;
            offsets.merge(partition, new OffsetAndMetadata(next), (a, b) -> a.offset() >= b.offset() ? a : b);
        }
    }

    private static RecordMetadata result(Future<RecordMetadata> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while publishing", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof KafkaException kafka ? kafka : new KafkaException(e.getCause());
        }
    }

    private void abortQuietly() {
        try {
            producer.abortTransaction();
        } catch (KafkaException e) {
            LOG.warn("Aborting the transaction of {} failed", transactionalId, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
