package io.streamtune.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamtune.classifier.config.ClassifierConfig;
import io.streamtune.classifier.config.ConfigLoader;
import io.streamtune.review.config.ReviewConfig;
import io.streamtune.trainer.config.TrainerConfig;
import io.streamtune.trainer.config.TrainerConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings docker-compose.yml gives each application, loaded by the applications' real config classes. */
class ComposeConfigTest {

    private static ComposeFile compose;
    private static DeployedConfigs configs;

    @BeforeAll
    static void loadCompose() throws IOException {
        compose = ComposeFile.load();
        configs = new DeployedConfigs(compose);
    }

    private static List<String> classifierServices() {
        return compose.servicesWithImage("streamtune/classifier-stream");
    }

    private static List<String> trainerServices() {
        return compose.servicesWithImage("streamtune/trainer");
    }

    @Test
    void shouldRunTwoClassifierInstancesOfOneApplicationWithDistinctIdentities() {
        List<ClassifierConfig> instances =
                classifierServices().stream().map(configs::classifier).toList();

        assertThat(instances).hasSize(2);
        assertThat(instances).extracting(ClassifierConfig::applicationId).containsOnly("streamtune-classifier");
        assertThat(instances).extracting(ClassifierConfig::instanceId).doesNotHaveDuplicates();
        assertThat(instances).extracting(ClassifierConfig::httpPort).doesNotHaveDuplicates();
        assertThat(instances)
                .allSatisfy(config -> assertThat(config.reloadStaggerMs()).isPositive());
    }

    @Test
    void shouldGiveTheClassifiersOnlyKeysTheyKnow() {
        for (String service : classifierServices()) {
            assertThat(DeployedConfigs.unknownClassifierKeys(configs.classifier(service)))
                    .as("keys of %s unknown to ClassifierConfig", service)
                    .isEmpty();
        }
    }

    @Test
    void shouldGiveTheTrainerServicesValidConfigurationWithKnownKafkaKeys() {
        assertThat(trainerServices()).containsExactlyInAnyOrder("trainer", "trainer-bootstrap");
        for (String service : trainerServices()) {
            TrainerConfig config = configs.trainer(service);
            assertThat(config.modelName()).isEqualTo("sentiment");
            assertThat(DeployedConfigs.unknownTrainerKafkaKeys(config))
                    .as(service)
                    .isEmpty();
        }
    }

    @Test
    void shouldServeTheModelTheTrainerPublishesFromTheSharedModelStore() {
        TrainerConfig trainer = configs.trainer("trainer");
        for (String service : trainerServices()) {
            assertThat(compose.namedVolumeAt(
                            service, configs.trainer(service).storeRoot().toString()))
                    .as(service)
                    .contains("model-store");
        }
        for (String service : classifierServices()) {
            ClassifierConfig classifier = configs.classifier(service);
            assertThat(classifier.modelName()).isEqualTo(trainer.modelName());
            assertThat(compose.namedVolumeAt(
                            service, classifier.modelStoreRoot().toString()))
                    .as(service)
                    .contains("model-store");
        }
    }

    @Test
    void shouldCheckEachAppsHealthOnItsOwnPort() {
        for (String service : classifierServices()) {
            int port = configs.classifier(service).httpPort();
            assertThat(String.valueOf(compose.service(service).get("healthcheck")))
                    .as(service)
                    .contains("http://localhost:" + port + "/health/ready");
            assertThat(String.valueOf(compose.service(service).get("ports"))).contains(":" + port + ":" + port);
        }
        int trainerPort = configs.trainer("trainer").httpPort();
        assertThat(configs.trainer("trainer").httpHost()).isEqualTo("0.0.0.0");
        assertThat(String.valueOf(compose.service("trainer").get("healthcheck")))
                .contains("http://localhost:" + trainerPort + "/health");
        assertThat(String.valueOf(compose.service("trainer").get("ports")))
                .contains(":" + trainerPort + ":" + trainerPort);
    }

    @Test
    void shouldReportMisspeltPassThroughKeysOfTheClassifier(@TempDir Path dir) throws IOException {
        Path file = configs.configFile("classifier-1");
        Path misspelt = dir.resolve("streamtune.properties");
        Files.writeString(
                misspelt, Files.readString(file) + "\nkafka.num.stream.thread=2\nregistry.auto.register=true\n");

        ClassifierConfig config = ConfigLoader.load(misspelt, compose.environment("classifier-1"));

        assertThat(DeployedConfigs.unknownClassifierKeys(config))
                .containsExactly("kafka.num.stream.thread", "registry.auto.register");
    }

    @Test
    void shouldRefuseAMisspeltClassifierKey(@TempDir Path dir) throws IOException {
        Path misspelt = dir.resolve("streamtune.properties");
        Files.writeString(
                misspelt, Files.readString(configs.configFile("classifier-1")) + "\nclassifier.batch.max.record=8\n");

        assertThatThrownBy(() -> ConfigLoader.load(misspelt, compose.environment("classifier-1")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'classifier.batch.max.record'");
    }

    @Test
    void shouldConfigureEveryAppFromOneFileForTheSameClusterRegistryModelAndTopics() {
        List<String> apps = new ArrayList<>(classifierServices());
        apps.addAll(trainerServices());
        assertThat(apps)
                .extracting(configs::configFile)
                .containsOnly(ComposeFile.ROOT.resolve("ops/compose/streamtune.properties"));
        TrainerConfig trainer = configs.trainer("trainer");
        for (String service : classifierServices()) {
            ClassifierConfig classifier = configs.classifier(service);
            assertThat(classifier.streamsConfig())
                    .containsEntry("bootstrap.servers", trainer.kafkaSettings().get("bootstrap.servers"));
            assertThat(classifier.serdeConfig()).isEqualTo(trainer.serdeSettings());
            assertThat(classifier.modelName()).isEqualTo(trainer.modelName());
            assertThat(classifier.modelStoreRoot()).isEqualTo(trainer.storeRoot());
            assertThat(classifier.outputTopic()).isEqualTo(trainer.topics().classifications());
            assertThat(classifier.modelVersionsTopic())
                    .isEqualTo(trainer.topics().modelVersions());
            assertThat(classifier.trainingSetTopic()).isEqualTo(trainer.topics().trainingSet());
        }
    }

    @Test
    void shouldRunTheReviewWorkbenchOnTheSameClusterModelAndTopicsWithItsUsersMounted() {
        assertThat(compose.servicesWithImage("streamtune/review")).containsExactly("review");
        assertThat(configs.configFile("review"))
                .isEqualTo(ComposeFile.ROOT.resolve("ops/compose/streamtune.properties"));
        ReviewConfig review = configs.review("review");
        TrainerConfig trainer = configs.trainer("trainer");
        assertThat(review.kafkaSettings())
                .containsEntry("bootstrap.servers", trainer.kafkaSettings().get("bootstrap.servers"));
        assertThat(review.serdeSettings()).isEqualTo(trainer.serdeSettings());
        assertThat(review.modelName()).isEqualTo(trainer.modelName());
        assertThat(review.classificationsTopic()).isEqualTo(trainer.topics().classifications());
        assertThat(review.correctionsTopic()).isEqualTo(trainer.topics().labelCorrections());
        assertThat(review.modelVersionsTopic()).isEqualTo(trainer.topics().modelVersions());
        assertThat(review.sessionSecret()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(compose.hostPathOf("review", review.usersFile().toString()))
                .hasValueSatisfying(users -> assertThat(users).exists());
        assertThat(review.httpHost()).isEqualTo("0.0.0.0");
        assertThat(String.valueOf(compose.service("review").get("healthcheck")))
                .contains("http://localhost:" + review.httpPort() + "/health/ready");
        assertThat(String.valueOf(compose.service("review").get("ports")))
                .contains("127.0.0.1:" + review.httpPort() + ":" + review.httpPort());
    }

    @Test
    void shouldRefuseAMisspeltTrainerKey(@TempDir Path dir) throws IOException {
        Path misspelt = dir.resolve("streamtune.properties");
        Files.writeString(
                misspelt, Files.readString(configs.configFile("trainer")) + "\ntrainer.round.trigger.correction=5\n");

        assertThatThrownBy(() -> TrainerConfigLoader.load(misspelt, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("round.trigger.correction");
    }
}
