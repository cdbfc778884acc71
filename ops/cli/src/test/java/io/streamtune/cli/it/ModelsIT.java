package io.streamtune.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamtune.classifier.reload.ModelTarget;
import io.streamtune.cli.CommandRun;
import io.streamtune.schemas.ModelStatus;
import io.streamtune.schemas.ModelVersion;
import io.streamtune.schemas.versions.ModelVersionHistory;
import io.streamtune.testsupport.KafkaStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code models list|show|promote|rollback} on a real model-versions topic. What the commands write is checked with
 * the shared rule and with the classifier's {@link ModelTarget} of it (pin off), which is what a running classifier
 * serves.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ModelsIT {

    @RegisterExtension
    static final KafkaStack STACK = new KafkaStack();

    private final ItTopics topics = new ItTopics(STACK);

    @TempDir
    Path store;

    private String versions;
    private String missingArtifact;

    @BeforeEach
    void publishVersions() throws Exception {
        versions = topics.compacted("model-versions");
        List<String> labels = List.of("neg", "pos");
        topics.publish(versions, "sentiment", 1, ModelStatus.CANDIDATE, artifact(1), labels);
        topics.publish(versions, "sentiment", 1, ModelStatus.PROMOTED, artifact(1), labels);
        topics.publish(versions, "sentiment", 2, ModelStatus.CANDIDATE, artifact(2), labels);
        topics.publish(versions, "sentiment", 2, ModelStatus.PROMOTED, artifact(2), labels);
        missingArtifact = store.resolve("sentiment/3/").toUri().toString();
        topics.publish(versions, "sentiment", 3, ModelStatus.REJECTED, missingArtifact, labels);
        topics.publish(versions, "sentiment", 4, ModelStatus.REJECTED, artifact(4), labels);
    }

    @Test
    void shouldListEveryVersionWithStatusMetricsAndTheOneInService() {
        CommandRun.Result result = CommandRun.run(command("models", "list"));
        System.out.println("models list:\n" + result.out());

        assertThat(result.exitCode()).as(result.printed()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("model sentiment, in service: v2");
        assertThat(lines.get(2)).matches("v1 +PROMOTED +\\d{4}-.*100 +0\\.8100 +0\\.7500 +- +-");
        assertThat(lines.get(3)).matches("v2 +PROMOTED +\\* .*200 +0\\.8200 .*");
        assertThat(lines.get(4)).matches("v3 +REJECTED .*");
        assertThat(lines).hasSize(6);
    }

    @Test
    void shouldShowOneVersionInFull() {
        CommandRun.Result result = CommandRun.run(command("models", "show", "v3"));

        assertThat(result.exitCode()).as(result.printed()).isZero();
        assertThat(result.out())
                .contains("status         REJECTED")
                .contains("artifact       " + missingArtifact)
                .contains("labels         neg,pos")
                .contains("  accuracy               0.8300");
    }

    @Test
    void shouldRefuseAnUnknownVersionAndARejectedOneWithoutArtifactWritingNothing() {
        int before = topics.readAll(versions, ModelVersion.class).size();

        CommandRun.Result unknown = CommandRun.run(command("models", "promote", "9"));
        CommandRun.Result rejected = CommandRun.run(command("models", "promote", "3"));

        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err())
                .contains("model 'sentiment' has no version 9 on " + versions + " (versions: v1, v2, v3, v4)");
        assertThat(rejected.exitCode()).isEqualTo(1);
        assertThat(rejected.err())
                .contains("cannot promote sentiment v3 (REJECTED): its artifact " + missingArtifact + " is missing");
        assertThat(topics.readAll(versions, ModelVersion.class)).hasSize(before);
    }

    @Test
    void shouldPromoteAndRollBackSoThatTheClassifiersRuleServesTheRightVersion() {
        CommandRun.Result promote = CommandRun.run(command("models", "promote", "4"));

        assertThat(promote.exitCode()).as(promote.printed()).isZero();
        assertThat(promote.out()).contains("Promoted sentiment v4 (in service before: v2).");
        assertThat(served()).isEqualTo(4);
        assertThat(topics.history(versions).inService("sentiment"))
                .get()
                .extracting(s -> s.version())
                .isEqualTo(4L);

        CommandRun.Result rollback = CommandRun.run(command("models", "rollback"));
        assertThat(rollback.exitCode()).as(rollback.printed()).isZero();
        assertThat(rollback.out()).contains("Rolled back sentiment from v4 (now REJECTED) to v2.");
        assertThat(served()).isEqualTo(2);

        CommandRun.Result again = CommandRun.run(command("models", "rollback"));
        assertThat(again.exitCode()).as(again.printed()).isZero();
        assertThat(served()).isEqualTo(1);
        ModelVersionHistory history = topics.history(versions);
        assertThat(history.version("sentiment", 4).orElseThrow().record().getStatus())
                .isEqualTo(ModelStatus.REJECTED);
        assertThat(history.version("sentiment", 2).orElseThrow().record().getStatus())
                .isEqualTo(ModelStatus.REJECTED);
        assertThat(topics.readAll(versions, ModelVersion.class))
                .extracting(record -> record.key())
                .contains("sentiment:4", "sentiment:2", "sentiment:1");

        CommandRun.Result last = CommandRun.run(command("models", "rollback"));
        assertThat(last.exitCode()).isEqualTo(1);
        assertThat(last.err()).contains("cannot roll back sentiment v1: no version was promoted before it");
    }

    /** The version a classifier of model "sentiment" would serve, as the classifier's watcher decides it. */
    private long served() {
        return ModelTarget.of(topics.history(versions)
                        .toServe("sentiment", OptionalLong.empty())
                        .orElseThrow())
                .version();
    }

    private String artifact(long version) throws Exception {
        return Files.createDirectories(store.resolve("sentiment/" + version))
                .toUri()
                .toString();
    }

    private String[] command(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--topic", versions));
        return topics.command(all.toArray(String[]::new));
    }
}
