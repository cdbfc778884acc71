package io.streamtune.classifier.reload;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamtune.schemas.ModelStatus;
import io.streamtune.schemas.ModelVersion;
import io.streamtune.schemas.versions.ModelVersionHistory;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ModelTargetTest {

    private final ModelVersionHistory history = new ModelVersionHistory();

    @Test
    void shouldTargetTheVersionInServiceWithItsArtifactChecksumAndAnnouncementTime() {
        history.accept(record("sentiment", 1, ModelStatus.PROMOTED), 100, 0);
        history.accept(record("sentiment", 2, ModelStatus.PROMOTED), 300, 1);
        history.accept(record("other-model", 9, ModelStatus.PROMOTED), 500, 2);

        ModelTarget target = ModelTarget.of(
                history.toServe("sentiment", OptionalLong.empty()).orElseThrow());

        assertThat(target.modelName()).isEqualTo("sentiment");
        assertThat(target.version()).isEqualTo(2);
        assertThat(target.artifactUri()).isEqualTo("file:///store/sentiment/2");
        assertThat(target.manifestSha256()).isEqualTo("sha-2");
        assertThat(target.announcedAt()).isEqualTo(300);
        assertThat(target.promoted()).isTrue();
    }

    @Test
    void shouldTargetAPinnedVersionTheTopicDoesNotListWithoutChecksumOrAnnouncement() {
        history.accept(record("sentiment", 2, ModelStatus.PROMOTED), 200, 0);

        ModelTarget target =
                ModelTarget.of(history.toServe("sentiment", OptionalLong.of(1)).orElseThrow());

        assertThat(target.version()).isEqualTo(1);
        assertThat(target.artifactUri()).isNull();
        assertThat(target.manifestSha256()).isNull();
        assertThat(target.announcedAt()).isZero();
        assertThat(target.promoted()).isFalse();
    }

    @Test
    void shouldTargetAPinnedCandidateAsNotPromoted() {
        history.accept(record("sentiment", 3, ModelStatus.CANDIDATE), 300, 0);

        ModelTarget target =
                ModelTarget.of(history.toServe("sentiment", OptionalLong.of(3)).orElseThrow());

        assertThat(target.manifestSha256()).isEqualTo("sha-3");
        assertThat(target.announcedAt()).isEqualTo(300);
        assertThat(target.promoted()).isFalse();
    }

    private static ModelVersion record(String model, long version, ModelStatus status) {
        return ModelVersion.newBuilder()
                .setModelName(model)
                .setVersion(version)
                .setStatus(status)
                .setArtifactUri("file:///store/" + model + "/" + version)
                .setSha256("sha-" + version)
                .setLabels(List.of("negative", "positive"))
                .setMetrics(Map.of("accuracy", 0.9))
                .setTrainingSetSize(100)
                .setCreatedTime(Instant.EPOCH)
                .build();
    }
}
