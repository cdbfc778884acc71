package io.streamtune.cli.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamtune.cli.client.ClientSettings;
import io.streamtune.cli.client.CommandException;
import io.streamtune.model.base.BuiltInBase;
import io.streamtune.runtime.config.ConfigSources;
import io.streamtune.trainer.config.TrainerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerSettingsTest {

    private static final List<String> LABELS = List.of("a", "b", "c");

    @TempDir
    Path folder;

    @Test
    void shouldTakeTheClusterFromTheClientOptionsAndTrainerAndTopicKeysFromTheAppsFile() throws Exception {
        Path file = Files.writeString(folder.resolve("streamtune.properties"), """
                kafka.bootstrap.servers=broker:9092
                kafka.security.protocol=SASL_SSL
                registry.url=http://registry:8081
                registry.basic.auth.user.info=u:p
                model.store.root=/var/models
                trainer.training.epochs=1
                trainer.training.max.length=32
                topic.model.versions=versions-x
                classifier.batch.max.records=8
                """);
        ClientSettings client = ClientSettings.load(file, "other:9092", null);

        TrainerConfig config =
                TrainerSettings.config(client, ConfigSources.readFile(file), "books", LABELS, null, null);

        assertThat(config.modelName()).isEqualTo("books");
        assertThat(config.labels()).isEqualTo(LABELS);
        assertThat(config.storeRoot()).isEqualTo(Path.of("/var/models"));
        assertThat(config.epochs()).isEqualTo(1);
        assertThat(config.maxLength()).isEqualTo(32);
        assertThat(config.topics().modelVersions()).isEqualTo("versions-x");
        assertThat(config.kafkaSettings())
                .containsEntry("bootstrap.servers", "other:9092")
                .containsEntry("security.protocol", "SASL_SSL");
        assertThat(config.serdeSettings())
                .containsEntry("schema.registry.url", "http://registry:8081")
                .containsEntry("basic.auth.user.info", "u:p");
        assertThat(config.builtInBase()).isEqualTo(BuiltInBase.DEFAULT);
        assertThat(config.baseModelPath()).isEmpty();
    }

    @Test
    void shouldDefaultTheStoreAsTheStarterFileDoesAndLetTheOptionsWin() throws Exception {
        ClientSettings client = ClientSettings.load(null, null, null);

        TrainerConfig defaults = TrainerSettings.config(client, Map.of(), "m", LABELS, null, null);
        TrainerConfig builtIn = TrainerSettings.config(client, Map.of(), "m", LABELS, folder, "BGE-small-en-v1.5");

        assertThat(defaults.storeRoot()).isEqualTo(Path.of(".streamtune/models"));
        assertThat(builtIn.storeRoot()).isEqualTo(folder);
        assertThat(builtIn.builtInBase()).isEqualTo(BuiltInBase.BGE_SMALL_EN_V1_5);
    }

    @Test
    void shouldTakeAnyOtherBaseAsACheckpointFolderTheTrainerChecks() {
        ClientSettings client = ClientSettings.load(null, null, null);
        Path missing = folder.resolve("no-such-checkpoint");

        assertThatThrownBy(() -> TrainerSettings.config(client, Map.of(), "m", LABELS, null, missing.toString()))
                .isInstanceOf(CommandException.class)
                .hasMessageContaining("invalid trainer setting")
                .hasMessageContaining(TrainerConfig.MODEL_BASE_PATH);
    }

    @Test
    void shouldRefuseAnInvalidModelNameNamingTheKey() {
        ClientSettings client = ClientSettings.load(null, null, null);

        assertThatThrownBy(() -> TrainerSettings.config(client, Map.of(), "no spaces!", LABELS, null, null))
                .isInstanceOf(CommandException.class)
                .hasMessageContaining("model.name");
    }
}
