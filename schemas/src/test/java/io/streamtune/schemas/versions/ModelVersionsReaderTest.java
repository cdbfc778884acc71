package io.streamtune.schemas.versions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamtune.schemas.ModelStatus;
import io.streamtune.schemas.ModelVersion;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class ModelVersionsReaderTest {

    private static final String TOPIC = "model-versions";
    private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);

    private final MockConsumer<String, ModelVersion> consumer = new MockConsumer<>("earliest");
    private long offset;

    @Test
    void shouldReadEveryRecordToTheEndAndServeTheNewestPromotionIncludingARollback() {
        given(List.of(
                version("m", 1, ModelStatus.PROMOTED, 10),
                version("m", 2, ModelStatus.CANDIDATE, 20),
                version("m", 2, ModelStatus.PROMOTED, 20),
                version("other", 9, ModelStatus.PROMOTED, 25),
                version("m", 3, ModelStatus.REJECTED, 30),
                version("m", 1, ModelStatus.PROMOTED, 40)));
        ModelVersionsReader reader = reader(ModelVersionsReader.UnreadableRecords.FAIL);

        assertThat(reader.assignFromBeginning(Duration.ofSeconds(5))).containsExactly(PARTITION);
        ModelVersionHistory history = reader.readToEnd(Duration.ofSeconds(5));

        assertThat(history.highestVersion("m")).isEqualTo(3);
        assertThat(history.inService("m"))
                .get()
                .extracting(VersionState::version)
                .isEqualTo(1L);
        assertThat(history.modelNames()).containsExactly("m", "other");
    }

    @Test
    void shouldReadNothingFromAnEmptyTopic() {
        given(List.of());
        ModelVersionsReader reader = reader(ModelVersionsReader.UnreadableRecords.FAIL);
        reader.assignFromBeginning(Duration.ofSeconds(5));

        ModelVersionHistory history = reader.readToEnd(Duration.ofSeconds(5));

        assertThat(history.modelNames()).isEmpty();
        assertThat(history.highestVersion("m")).isZero();
    }

    @Test
    void shouldTimeOutWhenTheEndIsNotReachedInTime() {
        given(List.of());
        consumer.updateEndOffsets(Map.of(PARTITION, 5L));
        ModelVersionsReader reader = reader(ModelVersionsReader.UnreadableRecords.FAIL);
        reader.assignFromBeginning(Duration.ofSeconds(5));

        assertThatThrownBy(() -> reader.readToEnd(Duration.ofMillis(300)))
                .isInstanceOf(TimeoutException.class)
                .hasMessageContaining("could not read model-versions to its end");
    }

    @Test
    void shouldFollowRecordsWrittenAfterTheEndAndHandThemOverInOrder() {
        given(List.of(version("m", 1, ModelStatus.PROMOTED, 10)));
        ModelVersionsReader reader = reader(ModelVersionsReader.UnreadableRecords.FAIL);
        reader.assignFromBeginning(Duration.ofSeconds(5));
        reader.readToEnd(Duration.ofSeconds(5));

        consumer.addRecord(version("m", 2, ModelStatus.CANDIDATE, 50));
        consumer.addRecord(version("m", 2, ModelStatus.PROMOTED, 51));
        List<VersionState> read = reader.poll(Duration.ofMillis(100));

        assertThat(read)
                .extracting(state -> state.record().getStatus())
                .containsExactly(ModelStatus.CANDIDATE, ModelStatus.PROMOTED);
        assertThat(reader.history().inService("m"))
                .get()
                .extracting(VersionState::version)
                .isEqualTo(2L);
    }

    @Test
    void shouldSkipAnUnreadableRecordAndReadTheOnesAfterIt() {
        given(List.of());
        ModelVersionsReader reader = reader(ModelVersionsReader.UnreadableRecords.LOG_AND_SKIP);
        reader.assignFromBeginning(Duration.ofSeconds(5));
        consumer.setPollException(unreadableAt(0));

        assertThat(reader.poll(Duration.ofMillis(100))).isEmpty();
        assertThat(consumer.position(PARTITION)).isEqualTo(1);
        offset = 1;
        consumer.addRecord(version("m", 1, ModelStatus.PROMOTED, 10));

        assertThat(reader.poll(Duration.ofMillis(100)))
                .extracting(VersionState::version)
                .containsExactly(1L);
    }

    @Test
    void shouldStopOnAnUnreadableRecordWhenAskedToFail() {
        given(List.of());
        ModelVersionsReader reader = reader(ModelVersionsReader.UnreadableRecords.FAIL);
        reader.assignFromBeginning(Duration.ofSeconds(5));
        consumer.setPollException(unreadableAt(0));

        assertThatThrownBy(() -> reader.poll(Duration.ofMillis(100)))
                .isInstanceOf(RecordDeserializationException.class);
    }

    private ModelVersionsReader reader(ModelVersionsReader.UnreadableRecords unreadable) {
        return new ModelVersionsReader(consumer, TOPIC, unreadable);
    }

    private static RecordDeserializationException unreadableAt(long offset) {
        return new RecordDeserializationException(
                RecordDeserializationException.DeserializationExceptionOrigin.VALUE,
                PARTITION,
                offset,
                0L,
                TimestampType.CREATE_TIME,
                null,
                null,
                new RecordHeaders(),
                "not Avro",
                null);
    }

    private void given(List<ConsumerRecord<String, ModelVersion>> records) {
        Node node = new Node(0, "localhost", 9092);
        consumer.updatePartitions(
                TOPIC, List.of(new PartitionInfo(TOPIC, 0, node, new Node[] {node}, new Node[] {node})));
        consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
        consumer.updateEndOffsets(Map.of(PARTITION, (long) records.size()));
        consumer.schedulePollTask(() -> records.forEach(consumer::addRecord));
    }

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
                Optional.empty());
    }
}
