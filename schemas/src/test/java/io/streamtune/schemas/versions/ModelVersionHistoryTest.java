package io.streamtune.schemas.versions;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamtune.schemas.ModelStatus;
import io.streamtune.schemas.ModelVersion;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
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
    void shouldServeNothingUntilAVersionIsPromoted() {
        history.accept(record("m", 1, ModelStatus.CANDIDATE), 100, 0);

        assertThat(history.toServe("m", OptionalLong.empty())).isEmpty();
        assertThat(history.highestVersion("m")).isEqualTo(1);
        assertThat(history.highestVersion("absent")).isZero();
    }

    @Test
    void shouldServeTheNewestPromotedVersionOfItsOwnModelWithItsLatestRecord() {
        history.accept(record("m", 1, ModelStatus.PROMOTED), 100, 0);
        history.accept(record("m", 2, ModelStatus.CANDIDATE), 200, 1);
        history.accept(record("m", 2, ModelStatus.PROMOTED), 300, 2);
        history.accept(record("m", 3, ModelStatus.REJECTED), 400, 3);
        history.accept(record("other", 9, ModelStatus.PROMOTED), 500, 4);

        ServedVersion served = history.toServe("m", OptionalLong.empty()).orElseThrow();

        assertThat(served.modelName()).isEqualTo("m");
        assertThat(served.version()).isEqualTo(2);
        assertThat(served.promoted()).isTrue();
        assertThat(served.latest().orElseThrow().timestamp()).isEqualTo(300);
        assertThat(served.latest().orElseThrow().record().getArtifactUri()).isEqualTo("file:///models/m/2/");
        assertThat(history.highestVersion("m")).isEqualTo(3);
    }

    @Test
    void shouldNotServeAVersionWhoseLatestRecordIsRejected() {
        history.accept(record("m", 1, ModelStatus.PROMOTED), 10, 0);
        history.accept(record("m", 1, ModelStatus.REJECTED), 20, 1);

        assertThat(history.inService("m")).isEmpty();
        assertThat(history.toServe("m", OptionalLong.empty())).isEmpty();
    }

    @Test
    void shouldServeThePinnedVersionWhateverIsPromotedEvenWhenTheTopicDoesNotListIt() {
        history.accept(record("m", 2, ModelStatus.PROMOTED), 200, 0);
        history.accept(record("m", 3, ModelStatus.CANDIDATE), 300, 1);

        ServedVersion unlisted = history.toServe("m", OptionalLong.of(1)).orElseThrow();
        ServedVersion candidate = history.toServe("m", OptionalLong.of(3)).orElseThrow();

        assertThat(unlisted.version()).isEqualTo(1);
        assertThat(unlisted.latest()).isEmpty();
        assertThat(unlisted.promoted()).isFalse();
        assertThat(candidate.version()).isEqualTo(3);
        assertThat(candidate.latest().orElseThrow().timestamp()).isEqualTo(300);
        assertThat(candidate.promoted()).isFalse();
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
