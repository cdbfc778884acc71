package io.streamtune.review.state;

import io.streamtune.review.accuracy.AuditBook;
import io.streamtune.review.config.ReviewConfig;
import io.streamtune.review.queue.AuditSample;
import io.streamtune.review.queue.Lane;
import io.streamtune.review.queue.Offer;
import io.streamtune.review.queue.ReviewItem;
import io.streamtune.review.queue.ReviewQueue;
import io.streamtune.schemas.Classification;
import io.streamtune.schemas.FeedbackKind;
import io.streamtune.schemas.LabelCorrection;
import io.streamtune.schemas.ModelVersion;
import io.streamtune.schemas.serde.ConfluentAvroDeserializer;
import io.streamtune.schemas.serde.ConfluentAvroSerializer;
import io.streamtune.schemas.versions.ModelVersionsReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workbench's state, in Kafka only. It reads (read_committed) the classifications of the partitions its
 * consumer group gives it, every correction, every lease and the model versions, from their beginning, into the
 * {@link ReviewQueue} and the {@link AuditBook}; it writes leases to the leases topic before an item is shown, and
 * labels to the corrections topic. Nothing else is kept: a restarted instance rebuilds the same queue, and two
 * instances of one group split the items by partition, so they never give out the same one.
 */
public final class ReviewState implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReviewState.class);

    private final ReviewConfig config;
    private final Clock clock;
    private final ReviewQueue queue;
    private final AuditBook audits;
    private final AuditSample sample;
    private final KafkaProducer<String, String> leaseProducer;
    private final DecisionSender sender;
    private final TopicFollower<Classification> classifications;
    private final TopicFollower<LabelCorrection> corrections;
    private final TopicFollower<String> leases;
    private final ServingVersionFollower versions;
    private final AtomicLong arrivals = new AtomicLong();
    private final Predicate<String> reviewers;

    /**
     * @param reviewers which annotators are reviewers (their audit label on a disputed item resolves it)
     */
    public ReviewState(ReviewConfig config, Clock clock, Predicate<String> reviewers) {
        this.config = config;
        this.clock = clock;
        this.reviewers = reviewers;
        this.queue = new ReviewQueue(config.queueSettings());
        this.audits = new AuditBook(config.modelName());
        this.sample = new AuditSample(config.auditRate());
        this.leaseProducer = new KafkaProducer<>(producerSettings(), new StringSerializer(), new StringSerializer());
        this.sender = new DecisionSender(correctionProducer(), config.correctionsTopic(), config.undoWindow(), clock);
        this.classifications = new TopicFollower<>(
                config.classificationsTopic(),
                consumer(config.groupId(), avro(Classification.class)),
                true,
                this::ownPartitions,
                this::onClassification);
        this.corrections = new TopicFollower<>(
                config.correctionsTopic(),
                consumer(null, avro(LabelCorrection.class)),
                false,
                a -> {},
                this::onCorrection);
        this.leases = new TopicFollower<>(
                config.leasesTopic(), consumer(null, new StringDeserializer()), false, a -> {}, this::onLease);
        this.versions = new ServingVersionFollower(
                new ModelVersionsReader(
                        consumer(null, avro(ModelVersion.class)),
                        config.modelVersionsTopic(),
                        e -> LOG.warn("Skipped an unreadable model version: {}", e.getMessage())),
                config.modelName(),
                queue::servingVersion);
    }

    /** Starts following the topics. */
    public ReviewState start() {
        versions.start();
        corrections.start();
        leases.start();
        classifications.start();
        return this;
    }

    /**
     * Whether the state has been read: the corrections and leases to where they ended at start, and the
     * classifications of this instance's partitions. Before that, nothing is given out (an item decided before a
     * restart could otherwise be shown again).
     */
    public boolean ready() {
        return corrections.caughtUp() && leases.caughtUp() && classifications.caughtUp();
    }

    /** Why a follower stopped, when one did. */
    public String failure() {
        for (TopicFollower<?> follower : List.of(classifications, corrections, leases)) {
            if (follower.failure() != null) {
                return follower.failure().toString();
            }
        }
        return null;
    }

    public ReviewQueue queue() {
        return queue;
    }

    public AuditBook audits() {
        return audits;
    }

    public DecisionSender sender() {
        return sender;
    }

    /** The version in service, 0 while none is known. */
    public long servingVersion() {
        return versions.current();
    }

    /**
     * Writes a lease and waits until the broker has it: an item is shown only once its lease is durable.
     *
     * @throws IllegalStateException when the broker does not take it
     */
    public void writeLease(Offer offer) {
        write(new LeaseRecord(
                offer.item().eventId(), offer.annotator(), offer.leaseUntil().toEpochMilli()));
    }

    /** Gives a lease back (a skipped item). */
    public void releaseLease(String eventId, String annotator) {
        write(new LeaseRecord(eventId, annotator, 0));
    }

    private void write(LeaseRecord lease) {
        try {
            leaseProducer
                    .send(new ProducerRecord<>(config.leasesTopic(), lease.key(), lease.toJson()))
                    .get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing a lease", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not write the lease of " + lease.eventId() + ": " + e, e);
        }
    }

    private void onClassification(ConsumerRecord<String, Classification> record) {
        Classification c = record.value();
        if (c == null
                || !c.getModelName().equals(config.modelName())
                || c.getScores().isEmpty()) {
            return;
        }
        Map<String, Double> scores = c.getScores().entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
        String eventId = c.getEventId();
        queue.offer(new ReviewItem(
                eventId,
                c.getText(),
                c.getLabel(),
                scores,
                c.getModelName(),
                c.getModelVersion(),
                c.getEventTime(),
                record.partition(),
                sample.draws(eventId) ? Lane.AUDIT : Lane.UNCERTAIN,
                config.uncertainty().of(scores.values()),
                arrivals.incrementAndGet()));
    }

    private void onCorrection(ConsumerRecord<String, LabelCorrection> record) {
        LabelCorrection correction = record.value();
        if (correction == null) {
            return;
        }
        queue.decided(correction.getEventId(), correction.getAnnotator());
        if (correction.getKind() == FeedbackKind.AUDIT
                && correction.getModelVersion() != null
                && correction.getPreviousLabel() != null) {
            audits.add(
                    correction.getEventId(),
                    correction.getModelVersion(),
                    correction.getPreviousLabel(),
                    correction.getLabel(),
                    correction.getAnnotator(),
                    reviewers.test(correction.getAnnotator()));
        }
    }

    private void onLease(ConsumerRecord<String, String> record) {
        LeaseRecord lease = LeaseRecord.fromJson(record.value());
        if (lease != null) {
            queue.leased(lease.eventId(), lease.annotator(), lease.until());
        }
    }

    private void ownPartitions(java.util.Collection<TopicPartition> assigned) {
        Set<Integer> partitions =
                assigned.stream().map(TopicPartition::partition).collect(Collectors.toSet());
        queue.keepPartitions(partitions);
    }

    private <T extends org.apache.avro.specific.SpecificRecord> Deserializer<T> avro(Class<T> type) {
        ConfluentAvroDeserializer<T> deserializer = new ConfluentAvroDeserializer<>(type);
        deserializer.configure(config.serdeSettings(), false);
        return deserializer;
    }

    private KafkaProducer<String, LabelCorrection> correctionProducer() {
        ConfluentAvroSerializer<LabelCorrection> serializer = new ConfluentAvroSerializer<>();
        serializer.configure(config.serdeSettings(), false);
        return new KafkaProducer<>(producerSettings(), new StringSerializer(), serializer);
    }

    private Map<String, Object> producerSettings() {
        Map<String, Object> settings = config.kafkaSettings();
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 0);
        return settings;
    }

    private <V> KafkaConsumer<String, V> consumer(String groupId, Deserializer<V> values) {
        Map<String, Object> settings = config.kafkaSettings();
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        if (groupId != null) {
            settings.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        } else {
            settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        }
        return new KafkaConsumer<>(settings, new StringDeserializer(), values);
    }

    @Override
    public void close() {
        sender.close();
        classifications.close();
        corrections.close();
        leases.close();
        versions.close();
        leaseProducer.close(Duration.ofSeconds(5));
        LOG.info("Review state closed at {}", Instant.now(clock));
    }
}
