package io.streamtune.cli.up;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamtune.cli.client.CommandException;
import io.streamtune.demo.report.VersionDecision;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code up} decides before it starts anything: the cluster, the settings, the lines it prints. */
class UpCommandTest {

    @TempDir
    Path folder;

    @Test
    void shouldTakeOnlyTheLocalStacksOwnAddressForTheLocalStack() {
        assertThat(UpCluster.isLocalAddress("localhost:9092", 9092)).isTrue();
        assertThat(UpCluster.isLocalAddress(" 127.0.0.1:9092 ", 9092)).isTrue();
        assertThat(UpCluster.isLocalAddress("localhost:9093", 9092)).isFalse();
        assertThat(UpCluster.isLocalAddress("broker-1:9092", 9092)).isFalse();
        assertThat(UpCluster.isLocalAddress("localhost:9092,localhost:9094", 9092))
                .isFalse();
        assertThat(UpCluster.isLocalAddress("9092", 9092)).isFalse();
    }

    @Test
    void shouldRefuseAFileThatNamesNoModel() throws Exception {
        Path file = Files.writeString(folder.resolve("streamtune.properties"), "kafka.bootstrap.servers=b:9092\n");

        assertThatThrownBy(() -> UpSettings.read(file, Map.of()))
                .isInstanceOf(CommandException.class)
                .hasMessageContaining("model.name is not set in " + file);
    }

    @Test
    void shouldTakeTheStarterFilesPlaceholderForNoValue() throws Exception {
        Path file = Files.writeString(
                folder.resolve("streamtune.properties"), "model.name=<required>\nmodel.labels=<required>\n");

        assertThatThrownBy(() -> UpSettings.read(file, Map.of()))
                .isInstanceOf(CommandException.class)
                .hasMessageContaining("model.name is not set in " + file);
    }

    @Test
    void shouldRefuseABadValueNamingTheKeyTheAppAndTheFile() throws Exception {
        Path file = Files.writeString(
                folder.resolve("streamtune.properties"),
                "model.name=forecast\nmodel.labels=a,b\nkafka.bootstrap.servers=b:9092\nregistry.url=http://r:8081\n"
                        + "model.store.root=models\ntrainer.training.epochs=zero\n");
        UpSettings settings = UpSettings.read(file, Map.of());

        assertThatThrownBy(settings::trainer)
                .isInstanceOf(CommandException.class)
                .hasMessageContaining("invalid configuration for the trainer in " + file)
                .hasMessageContaining("trainer.training.epochs");
    }

    @Test
    void shouldLetTheEnvironmentAndThenItsOwnDecisionsWinOverTheFile() throws Exception {
        Path file = Files.writeString(
                folder.resolve("streamtune.properties"), "model.name=forecast\nregistry.url=http://file:8081\n");
        UpSettings settings = UpSettings.read(file, Map.of("STREAMTUNE_REGISTRY_URL", "http://env:8081"));

        assertThat(settings.effective("registry.url")).isEqualTo("http://env:8081");
        settings.decide("registry.url", "http://decided:8081");
        assertThat(settings.effective("registry.url")).isEqualTo("http://decided:8081");
        assertThat(settings.given("model.labels")).isEmpty();
    }

    @Test
    void shouldDescribeEachDecisionInOneLine() {
        assertThat(UpCommand.describe(new VersionDecision(1, "PROMOTED", 0.9, 0.8888, Double.NaN, Double.NaN, 30)))
                .isEqualTo("model-versions: version 1 PROMOTED, holdout accuracy 0.900, macro-F1 0.889, trained on 30"
                        + " examples");
        assertThat(UpCommand.describe(new VersionDecision(2, "REJECTED", 0.5, 0.4, 0.9, 0.8, 31)))
                .isEqualTo("model-versions: version 2 REJECTED, holdout accuracy 0.500, macro-F1 0.400 (the version it"
                        + " was gated against: 0.900, 0.800), trained on 31 examples");
    }
}
