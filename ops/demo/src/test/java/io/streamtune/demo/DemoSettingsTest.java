package io.streamtune.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamtune.trainer.config.TrainerConfig;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoSettingsTest {

    @Test
    void shouldPlaceTheDataInTheRepositoryAndTrainWithTheTrainersDefaults() {
        DemoSettings settings = DemoSettings.defaults(Path.of("/repo"));
        Map<String, Object> trainer = TrainerConfig.definition().defaultValues();

        assertThat(settings.dataFile()).isEqualTo(Path.of("/repo/data/uci_sentiment.jsonl"));
        assertThat(settings.dataDir()).isEqualTo(Path.of("/repo/.streamtune/demo"));
        assertThat(settings.ports()).isEqualTo(new DemoSettings.Ports(9092, 9093, 8081));
        assertThat(settings.reviewPage()).isEqualTo(new DemoSettings.ReviewPage(false, 8070));
        assertThat(settings.training().epochs()).isEqualTo(trainer.get(TrainerConfig.TRAINING_EPOCHS));
        assertThat(settings.training().gateMetric()).isEqualTo(trainer.get(TrainerConfig.GATE_METRIC));
    }

    @Test
    void shouldNeedNoRepositoryRootWhenBothFoldersAreGiven() {
        DemoSettings settings = DemoSettings.builder()
                .optDataFile(Path.of("/d/f.jsonl"))
                .optDataDir(Path.of("/d/run"))
                .build();

        assertThat(settings.dataDir()).isEqualTo(Path.of("/d/run"));
    }

    @Test
    void shouldRefuseAMissingRepositoryRootOrABadValueNamingIt() {
        assertThatThrownBy(() -> DemoSettings.builder().build()).hasMessageContaining("repositoryRoot");
        assertThatThrownBy(() -> DemoSettings.builder()
                        .setRepositoryRoot(Path.of("/repo"))
                        .optBootstrapSize(5)
                        .build())
                .hasMessage("--bootstrap-size must be at least 10, was 5");
    }
}
