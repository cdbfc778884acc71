package io.streamtune.cli.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamtune.cli.client.CommandException;
import io.streamtune.schemas.ModelStatus;
import io.streamtune.schemas.ModelVersion;
import io.streamtune.schemas.versions.ModelVersionHistory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromotionsTest {

    @TempDir
    Path store;

    private final ModelVersionHistory history = new ModelVersionHistory();

    @Test
    void shouldPromoteAnExistingVersionWithATimestampAfterEveryRecordOnTheTopic() throws Exception {
        history.accept(version(1, ModelStatus.PROMOTED, artifact(1)), 5_000, 0);
        history.accept(version(2, ModelStatus.REJECTED, artifact(2)), 9_000, 1);

        Promotions.Timed promoted = promotions().promote(2, 1_000);

        assertThat(promoted.record().getStatus()).isEqualTo(ModelStatus.PROMOTED);
        assertThat(promoted.record().getVersion()).isEqualTo(2);
        assertThat(promoted.record().getArtifactUri()).isEqualTo(artifact(2));
        assertThat(promoted.timestamp()).isEqualTo(9_001);
        assertThat(promotions().promote(2, 20_000).timestamp()).isEqualTo(20_000);
    }

    @Test
    void shouldRefuseAnUnknownVersionListingTheKnownOnes() throws Exception {
        history.accept(version(1, ModelStatus.PROMOTED, artifact(1)), 1, 0);

        assertThatThrownBy(() -> promotions().promote(7, 10))
                .isInstanceOf(CommandException.class)
                .hasMessage("model 'sentiment' has no version 7 on model-versions (versions: v1)");
    }

    @Test
    void shouldRefuseARejectedVersionWhoseArtifactIsMissingUnlessTheCheckIsOff() throws Exception {
        String gone = store.resolve("sentiment/3").toUri().toString();
        history.accept(version(3, ModelStatus.REJECTED, gone), 1, 0);

        assertThatThrownBy(() -> promotions().promote(3, 10))
                .hasMessageStartingWith("cannot promote sentiment v3 (REJECTED): its artifact " + gone + " is missing");
        assertThat(new Promotions(history, "sentiment", "model-versions", false)
                        .promote(3, 10)
                        .record()
                        .getStatus())
                .isEqualTo(ModelStatus.PROMOTED);
        assertThat(Promotions.artifactMissing("s3://bucket/models/3")).isFalse();
    }

    @Test
    void shouldRollBackByRejectingTheVersionInServiceAndPromotingThePreviousOne() throws Exception {
        history.accept(version(1, ModelStatus.PROMOTED, artifact(1)), 100, 0);
        history.accept(version(2, ModelStatus.REJECTED, artifact(2)), 200, 1);
        history.accept(version(3, ModelStatus.PROMOTED, artifact(3)), 300, 2);

        List<Promotions.Timed> records = promotions().rollback(50);
        records.forEach(timed -> history.accept(timed.record(), timed.timestamp(), 10));

        assertThat(records).extracting(timed -> timed.record().getVersion()).containsExactly(3L, 1L);
        assertThat(records)
                .extracting(timed -> timed.record().getStatus())
                .containsExactly(ModelStatus.REJECTED, ModelStatus.PROMOTED);
        assertThat(records).extracting(Promotions.Timed::timestamp).containsExactly(301L, 302L);
        assertThat(history.inService("sentiment"))
                .get()
                .extracting(state -> state.version())
                .isEqualTo(1L);
        assertThatThrownBy(() -> promotions().rollback(1000))
                .hasMessage("cannot roll back sentiment v1: no version was promoted before it");
    }

    @Test
    void shouldListVersionsMarkingTheOneInServiceAndShowOneInFull() throws Exception {
        history.accept(version(1, ModelStatus.PROMOTED, artifact(1)), 100, 0);
        history.accept(version(2, ModelStatus.CANDIDATE, artifact(2)), 200, 1);

        String list = VersionTable.list("sentiment", history.versions("sentiment"), history.inService("sentiment"));
        String show = VersionTable.show(history.version("sentiment", 2).orElseThrow(), false);

        assertThat(list.lines().toList()).hasSize(4).first().isEqualTo("model sentiment, in service: v1");
        assertThat(list.lines().toList().get(2))
                .matches("v1 +PROMOTED +\\* +2026-01-02 03:04 +120 +0\\.9000 +0\\.8500 +- +-");
        assertThat(list.lines().toList().get(3)).startsWith("v2 ").contains("CANDIDATE");
        assertThat(show)
                .contains("status         CANDIDATE")
                .contains("labels         neg,pos")
                .contains("  macroF1                0.8500");
        assertThat(VersionTable.list("m", List.of(), Optional.empty())).startsWith("model m, in service: none");
    }

    @Test
    void shouldReadVersionNumbersWithOrWithoutV() {
        assertThat(VersionNumbers.parse("v12")).isEqualTo(12);
        assertThat(VersionNumbers.parse("3")).isEqualTo(3);
        assertThatThrownBy(() -> VersionNumbers.parse("latest"))
                .hasMessage("'latest' is not a version number (e.g. 3 or v3)");
    }

    private Promotions promotions() {
        return new Promotions(history, "sentiment", "model-versions", true);
    }

    private String artifact(long version) throws Exception {
        return Files.createDirectories(store.resolve("sentiment/" + version))
                .toUri()
                .toString();
    }

    static ModelVersion version(long version, ModelStatus status, String artifactUri) {
        return ModelVersion.newBuilder()
                .setModelName("sentiment")
                .setVersion(version)
                .setStatus(status)
                .setArtifactUri(artifactUri)
                .setSha256("ab".repeat(32))
                .setLabels(List.of("neg", "pos"))
                .setMetrics(Map.of("accuracy", 0.9, "macroF1", 0.85))
                .setTrainingSetSize(120)
                .setCreatedTime(Instant.parse("2026-01-02T03:04:05Z"))
                .build();
    }
}
