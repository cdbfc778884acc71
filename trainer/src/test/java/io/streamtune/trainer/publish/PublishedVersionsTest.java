package io.streamtune.trainer.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamtune.schemas.ModelStatus;
import io.streamtune.schemas.ModelVersion;
import io.streamtune.schemas.versions.ModelVersionKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class PublishedVersionsTest {

    private static final String TOPIC = "model-versions";
    private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);

    private final MockConsumer<String, ModelVersion> consumer = new MockConsumer<>("earliest");

    @Test
    void shouldServeTheNewestPromotedVersionIncludingARollback() {
        given(List.of(
                version("m", 1, ModelStatus.PROMOTED, 10),
                version("m", 2, ModelStatus.CANDIDATE, 20),
                version("m", 2, ModelStatus.PROMOTED, 20),
                version("other", 9, ModelStatus.PROMOTED, 25),
                version("m", 3, ModelStatus.REJECTED, 30),
                version("m", 1, ModelStatus.PROMOTED, 40)));

        PublishedVersions published = PublishedVersions.read(consumer, TOPIC, "m", Duration.ofSeconds(5));

        assertThat(published.maxVersion()).isEqualTo(3);
        assertThat(published.inService())
                .get()
                .extracting(ModelVersion::getVersion)
                .isEqualTo(1L);
    }

    @Test
    void shouldNotServeAVersionWhoseLatestRecordIsNotPromoted() {
        given(List.of(version("m", 1, ModelStatus.PROMOTED, 10), version("m", 1, ModelStatus.REJECTED, 20)));

        assertThat(PublishedVersions.read(consumer, TOPIC, "m", Duration.ofSeconds(5))
                        .inService())
                .isEmpty();
    }

    @Test
    void shouldReadNothingFromAnEmptyTopic() {
        given(List.of());

        PublishedVersions published = PublishedVersions.read(consumer, TOPIC, "m", Duration.ofSeconds(5));

        assertThat(published.maxVersion()).isZero();
        assertThat(published.inService()).isEmpty();
    }

    private void given(List<ConsumerRecord<String, ModelVersion>> records) {
        Node node = new Node(0, "localhost", 9092);
        consumer.updatePartitions(
                TOPIC, List.of(new PartitionInfo(TOPIC, 0, node, new Node[] {node}, new Node[] {node})));
        consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
        consumer.updateEndOffsets(Map.of(PARTITION, (long) records.size()));
        consumer.schedulePollTask(() -> records.forEach(consumer::addRecord));
    }

    private long offset;

    private ConsumerRecord<String, ModelVersion> version(String model, long version, ModelStatus status, long time) {
        ModelVersion value = ModelVersion.newBuilder()
                .setModelName(model)
                .setVersion(version)
                .setStatus(status)
                .setArtifactUri("file:///models/" + model + "/" + version + "/")
                .setSha256("0".repeat(64))
                .setLabels(List.of("neg", "pos"))
                .setMetrics(Map.of())
                .setTrainingSetSize(1L)
                .setCreatedTime(Instant.ofEpochMilli(time))
                .build();
        return new ConsumerRecord<>(
                TOPIC,
                0,
                offset++,
                time,
                TimestampType.CREATE_TIME,
                0,
                0,
                ModelVersionKeys.key(model, version),
                value,
                new RecordHeaders(),
                java.util.Optional.empty());
    }
}
