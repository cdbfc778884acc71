package io.streamtune.trainer.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamtune.schemas.ModelStatus;
import io.streamtune.schemas.ModelVersion;
import io.streamtune.schemas.versions.ModelVersionHistory;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The trainer's view of the topic. Reading the topic to its end is the shared reader's (tested in schemas with
 * {@code ModelVersionsReaderTest}); here, what the trainer takes from what was read.
 */
class PublishedVersionsTest {

    private final ModelVersionHistory history = new ModelVersionHistory();
    private long offset;

    @Test
    void shouldServeTheNewestPromotedVersionIncludingARollback() {
        given("m", 1, ModelStatus.PROMOTED, 10);
        given("m", 2, ModelStatus.CANDIDATE, 20);
        given("m", 2, ModelStatus.PROMOTED, 20);
        given("other", 9, ModelStatus.PROMOTED, 25);
        given("m", 3, ModelStatus.REJECTED, 30);
        given("m", 1, ModelStatus.PROMOTED, 40);

        PublishedVersions published = PublishedVersions.of(history, "m");

        assertThat(published.maxVersion()).isEqualTo(3);
        assertThat(published.inService())
                .get()
                .extracting(ModelVersion::getVersion)
                .isEqualTo(1L);
    }

    @Test
    void shouldNotServeAVersionWhoseLatestRecordIsNotPromoted() {
        given("m", 1, ModelStatus.PROMOTED, 10);
        given("m", 1, ModelStatus.REJECTED, 20);

        assertThat(PublishedVersions.of(history, "m").inService()).isEmpty();
    }

    @Test
    void shouldReadNothingFromAnEmptyTopic() {
        PublishedVersions published = PublishedVersions.of(history, "m");

        assertThat(published.maxVersion()).isZero();
        assertThat(published.inService()).isEmpty();
    }

    private void given(String model, long version, ModelStatus status, long time) {
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
        history.accept(value, time, offset++);
    }
}
