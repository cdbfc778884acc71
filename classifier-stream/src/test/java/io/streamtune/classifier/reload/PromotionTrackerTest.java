package io.streamtune.classifier.reload;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamtune.schemas.ModelStatus;
import io.streamtune.schemas.ModelVersion;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class PromotionTrackerTest {

    private final PromotionTracker tracker = new PromotionTracker("sentiment", OptionalLong.empty());
    private long offset;

    @Test
    void shouldTargetNothingUntilAVersionIsPromoted() {
        accept("sentiment", 1, ModelStatus.CANDIDATE, 100);

        assertThat(tracker.target()).isEmpty();
    }

    @Test
    void shouldTargetTheNewestPromotedVersionOfItsOwnModel() {
        accept("sentiment", 1, ModelStatus.PROMOTED, 100);
        accept("sentiment", 2, ModelStatus.CANDIDATE, 200);
        accept("sentiment", 2, ModelStatus.PROMOTED, 300);
        accept("sentiment", 3, ModelStatus.REJECTED, 400);
        accept("other-model", 9, ModelStatus.PROMOTED, 500);

        ModelTarget target = tracker.target().orElseThrow();
        assertThat(target.version()).isEqualTo(2);
        assertThat(target.artifactUri()).isEqualTo("file:///store/sentiment/2");
        assertThat(target.manifestSha256()).isEqualTo("sha-2");
    }

    @Test
    void shouldRollBackWhenAnOlderVersionIsPromotedAgain() {
        accept("sentiment", 1, ModelStatus.PROMOTED, 100);
        accept("sentiment", 2, ModelStatus.PROMOTED, 200);

        accept("sentiment", 1, ModelStatus.PROMOTED, 300);

        assertThat(tracker.target().orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void shouldServeThePinnedVersionWhateverIsPromoted() {
        PromotionTracker pinned = new PromotionTracker("sentiment", OptionalLong.of(1));
        pinned.accept(record("sentiment", 2, ModelStatus.PROMOTED), 200, 0);

        assertThat(pinned.target().orElseThrow().version()).isEqualTo(1);
        assertThat(pinned.target().orElseThrow().manifestSha256()).isNull();
    }

    private void accept(String model, long version, ModelStatus status, long timestamp) {
        tracker.accept(record(model, version, status), timestamp, offset++);
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
