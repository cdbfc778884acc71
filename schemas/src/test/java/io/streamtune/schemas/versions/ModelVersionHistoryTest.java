package io.streamtune.schemas.versions;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamtune.schemas.ModelStatus;
import io.streamtune.schemas.ModelVersion;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelVersionHistoryTest {

    private final ModelVersionHistory history = new ModelVersionHistory();

    @Test
    void shouldKeepTheLatestRecordOfEachVersionAsItsState() {
        history.accept(record("m", 1, ModelStatus.CANDIDATE), 10, 0);
        history.accept(record("m", 1, ModelStatus.PROMOTED), 11, 1);
        history.accept(record("m", 2, ModelStatus.CANDIDATE), 20, 2);
        history.accept(record("m", 2, ModelStatus.REJECTED), 21, 3);

        assertThat(history.versions("m"))
                .extracting(state -> state.record().getStatus())
                .containsExactly(ModelStatus.PROMOTED, ModelStatus.REJECTED);
        assertThat(history.inService("m"))
                .get()
                .extracting(VersionState::version)
                .isEqualTo(1L);
    }

    @Test
    void shouldServeTheVersionWhosePromotionIsNewestSoPromotingAnOlderOneRollsBack() {
        history.accept(record("m", 1, ModelStatus.PROMOTED), 10, 0);
        history.accept(record("m", 2, ModelStatus.PROMOTED), 20, 1);
        history.accept(record("m", 1, ModelStatus.PROMOTED), 30, 2);

        assertThat(history.inService("m"))
                .get()
                .extracting(VersionState::version)
                .isEqualTo(1L);
        assertThat(history.promotedNewestFirst("m"))
                .extracting(VersionState::version)
                .containsExactly(1L, 2L);
    }

    @Test
    void shouldBreakTimestampTiesByOffsetAndKeepModelsApart() {
        history.accept(record("m", 1, ModelStatus.PROMOTED), 10, 5);
        history.accept(record("m", 2, ModelStatus.PROMOTED), 10, 6);
        history.accept(record("other", 9, ModelStatus.PROMOTED), 99, 7);
        history.accept(null, 100, 8);

        assertThat(history.inService("m"))
                .get()
                .extracting(VersionState::version)
                .isEqualTo(2L);
        assertThat(history.modelNames()).containsExactly("m", "other");
        assertThat(history.newestTimestamp()).isEqualTo(99);
        assertThat(history.inService("absent")).isEmpty();
    }

    @Test
    void shouldKeyVersionsByModelNameAndNumber() {
        assertThat(ModelVersionKeys.key("sentiment", 7)).isEqualTo("sentiment:7");
    }

    private static ModelVersion record(String model, long version, ModelStatus status) {
        return ModelVersion.newBuilder()
                .setModelName(model)
                .setVersion(version)
                .setStatus(status)
                .setArtifactUri("file:///models/" + model + "/" + version + "/")
                .setSha256("0".repeat(64))
                .setLabels(List.of("neg", "pos"))
                .setMetrics(Map.of("accuracy", 0.9))
                .setTrainingSetSize(10)
                .setCreatedTime(Instant.ofEpochMilli(1000))
                .build();
    }
}
