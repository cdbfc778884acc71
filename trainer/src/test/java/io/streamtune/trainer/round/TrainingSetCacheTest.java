package io.streamtune.trainer.round;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamtune.schemas.FeedbackKind;
import io.streamtune.schemas.LabelCorrection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TrainingSetCacheTest {

    private static final String TOPIC = "training-set";
    private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);

    /** MockConsumer forgets committed offsets on assign(); this one answers with the group's committed offset. */
    private final MockConsumer<String, LabelCorrection> consumer = new MockConsumer<>("earliest") {
        @Override
        public synchronized Map<TopicPartition, OffsetAndMetadata> committed(
                Set<TopicPartition> partitions, Duration timeout) {
            return Map.of(PARTITION, new OffsetAndMetadata(2));
        }
    };

    private TrainingSetCache cache;

    @BeforeEach
    void setUp() {
        Node node = new Node(0, "localhost", 9092);
        consumer.updatePartitions(
                TOPIC, List.of(new PartitionInfo(TOPIC, 0, node, new Node[] {node}, new Node[] {node})));
        consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
        cache = new TrainingSetCache(consumer, TOPIC, Duration.ofSeconds(1));
    }

    @Test
    void shouldSplitEarlierAndFreshAtTheCommittedOffset() {
        add(0, "e1", "neg");
        add(1, "e2", "pos");
        add(2, "e3", "pos");
        add(3, "e1", "pos");
        cache.poll(Duration.ofMillis(10));

        TrainingSetCache.Snapshot snapshot = cache.snapshot();

        assertThat(cache.freshCount()).isEqualTo(2);
        assertThat(snapshot.earlier()).extracting(Example::eventId).containsExactly("e2");
        assertThat(snapshot.fresh()).extracting(Example::eventId).containsExactlyInAnyOrder("e1", "e3");
        assertThat(snapshot.fresh())
                .filteredOn(e -> e.eventId().equals("e1"))
                .extracting(Example::label)
                .containsExactly("pos");
        assertThat(snapshot.positions()).containsEntry(PARTITION, new OffsetAndMetadata(4));
    }

    @Test
    void shouldCountNothingFreshOnceTheRoundIsPublished() {
        add(2, "e3", "pos");
        cache.poll(Duration.ofMillis(10));
        TrainingSetCache.Snapshot snapshot = cache.snapshot();

        cache.markTrained(snapshot);
        add(3, "e4", "neg");
        cache.poll(Duration.ofMillis(10));

        assertThat(cache.freshCount()).isEqualTo(1);
        assertThat(cache.snapshot().earlier()).extracting(Example::eventId).containsExactly("e3");
    }

    @Test
    void shouldForgetExampleOnTombstone() {
        add(2, "e3", "pos");
        consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, 3, "e3", null));
        cache.poll(Duration.ofMillis(10));

        assertThat(cache.freshCount()).isZero();
    }

    @Test
    void shouldKeepTheKindsAndCountNoAuditAsFresh() {
        add(2, "e3", "pos", FeedbackKind.CONFIRMATION);
        add(3, "e4", "neg", FeedbackKind.AUDIT);
        add(4, "e5", "neg", FeedbackKind.CORRECTION);
        cache.poll(Duration.ofMillis(10));

        assertThat(cache.freshCount()).isEqualTo(2);
        assertThat(cache.snapshot().fresh())
                .extracting(e -> e.eventId() + ":" + e.kind())
                .containsExactlyInAnyOrder("e3:CONFIRMATION", "e4:AUDIT", "e5:CORRECTION");
    }

    private void add(long offset, String eventId, String label) {
        add(offset, eventId, label, FeedbackKind.CORRECTION);
    }

    private void add(long offset, String eventId, String label, FeedbackKind kind) {
        LabelCorrection value = LabelCorrection.newBuilder()
                .setEventId(eventId)
                .setLabel(label)
                .setText("text of " + eventId)
                .setAnnotator("alice")
                .setCorrectedTime(Instant.EPOCH)
                .setKind(kind)
                .build();
        consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, offset, eventId, value));
    }
}
