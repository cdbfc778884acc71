package io.streamtune.deployment;

import static io.streamtune.deployment.KubernetesConfigs.CLASSIFIER;
import static io.streamtune.deployment.KubernetesConfigs.REVIEW;
import static io.streamtune.deployment.KubernetesConfigs.TRAINER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.streamtune.classifier.config.ClassifierConfig;
import io.streamtune.model.device.DeviceRequest;
import io.streamtune.review.config.ReviewConfig;
import io.streamtune.schemas.Topics;
import io.streamtune.trainer.config.TrainerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The kustomize manifests of ops/kubernetes hold together: what each resource names exists, and the ConfigMap gives
 * every app only keys its real config class defines, with the ports, mounts, topics, consumer group and partition
 * counts the other resources assume. Where kustomize exists, each variant is also built by it and checked again.
 */
@Timeout(120)
class KubernetesManifestsTest {

    /** The one Secret the manifests use and do not ship; README.md says how to create it. */
    private static final Set<String> EXTERNAL_SECRETS = Set.of("streamtune-review");

    private static final String GPU_TAG = "0.1.0-SNAPSHOT-cu128";

    @TempDir
    static Path configDir;

    @BeforeAll
    static void writeTopicJobVariant() throws IOException {
        Path variant = topicJobVariant();
        Files.createDirectories(variant);
        Path root = variant.relativize(KubernetesManifests.ROOT);
        Files.writeString(
                variant.resolve("kustomization.yaml"),
                "apiVersion: kustomize.config.k8s.io/v1beta1\n"
                        + "kind: Kustomization\nresources:\n  - " + root.resolve("base") + "\ncomponents:\n  - "
                        + root.resolve("components/topic-job") + "\n");
    }

    /** The base with the topic Job instead of Strimzi, as the overlays' comments say to make it. */
    private static Path topicJobVariant() {
        return ComposeFile.ROOT.resolve("ops/deployment/target/kubernetes-topic-job");
    }

    static Stream<Path> variants() {
        return Stream.of(
                KubernetesManifests.ROOT.resolve("overlays/cpu"),
                KubernetesManifests.ROOT.resolve("overlays/gpu"),
                topicJobVariant());
    }

    private static KubernetesManifests overlay(String name) throws IOException {
        return KubernetesManifests.assemble(KubernetesManifests.ROOT.resolve("overlays/" + name));
    }

    @ParameterizedTest
    @MethodSource("variants")
    void shouldReferenceOnlyPodsPortsVolumesAndConfigMapsTheVariantHolds(Path variant) throws IOException {
        assertConsistent(KubernetesManifests.assemble(variant));
    }

    @ParameterizedTest
    @MethodSource("variants")
    void shouldBuildWithKustomizeToTheSameResourcesThatHoldTogether(Path variant) throws Exception {
        Optional<List<String>> kustomize = Kustomize.command();
        assumeTrue(
                kustomize.isPresent(),
                "SKIPPED: neither kustomize nor kubectl is on the PATH, so kustomize build was not run");

        KubernetesManifests rendered = KubernetesManifests.rendered(Kustomize.build(kustomize.get(), variant));

        assertThat(resourceNames(rendered)).isEqualTo(resourceNames(KubernetesManifests.assemble(variant)));
        assertConsistent(rendered);
    }

    static Stream<Arguments> breakages() {
        return Stream.of(
                breakage("a Service selecting no pods", m -> labels(m, "Service", CLASSIFIER, "spec", "selector")),
                breakage("a probe on an undeclared port", m -> classifier(m)
                        .put("readinessProbe", Map.of("httpGet", Map.of("path", "/health/ready", "port", "http")))),
                breakage("a ServiceMonitor on an unnamed port", m -> Yamls.maps(
                                Yamls.at(m.one("ServiceMonitor", TRAINER), "spec")
                                        .get("endpoints"))
                        .get(0)
                        .put("port", "metrics")),
                breakage(
                        "a ServiceMonitor selecting no Service",
                        m -> labels(m, "ServiceMonitor", REVIEW, "spec", "selector", "matchLabels")),
                breakage(
                        "a budget covering no pods",
                        m -> labels(m, "PodDisruptionBudget", CLASSIFIER, "spec", "selector", "matchLabels")),
                breakage("a missing claim", m -> volume(m, "models")
                        .put("persistentVolumeClaim", Map.of("claimName", "streamtune-model"))),
                breakage("a missing ConfigMap", m -> volume(m, "config")
                        .put("configMap", Map.of("name", "streamtune-configs"))),
                breakage("an unknown Secret", m -> Yamls.maps(Workloads.container(m.one("Deployment", REVIEW), "review")
                                .get("env"))
                        .get(2)
                        .put("valueFrom", Map.of("secretKeyRef", Map.of("name", "review", "key", "x")))));
    }

    private static Arguments breakage(String what, Consumer<KubernetesManifests> breaking) {
        return Arguments.of(what, breaking);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("breakages")
    void shouldReportABrokenReference(String what, Consumer<KubernetesManifests> breaking) throws IOException {
        KubernetesManifests manifests = overlay("cpu");
        assertThat(problems(manifests)).isEmpty();

        breaking.accept(manifests);

        assertThat(problems(manifests)).as(what).isNotEmpty();
    }

    @Test
    void shouldRefuseAKustomizationThatNamesAMissingFile(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("kustomization.yaml"), "resources:\n  - classifier.yaml\n");

        assertThatThrownBy(() -> KubernetesManifests.assemble(dir))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("names classifier.yaml, which does not exist");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cpu", "gpu"})
    void shouldGiveEveryAppOnlyKeysItsConfigClassDefines(String overlay) throws IOException {
        KubernetesConfigs configs = new KubernetesConfigs(overlay(overlay), configDir);

        assertThat(DeployedConfigs.unknownClassifierKeys(configs.classifier())).isEmpty();
        for (String container : List.of("bootstrap", "trainer")) {
            assertThat(DeployedConfigs.unknownTrainerKafkaKeys(configs.trainer(container)))
                    .as(container)
                    .isEmpty();
        }
        ReviewConfig review = configs.review();
        assertThat(review.sessionSecret()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(review.modelName()).isEqualTo(configs.trainer("trainer").modelName());
    }

    @ParameterizedTest
    @ValueSource(strings = {"cpu", "gpu"})
    void shouldMountTheSharedModelStoreClaimAtTheConfiguredRoot(String overlay) throws IOException {
        KubernetesManifests manifests = overlay(overlay);
        KubernetesConfigs configs = new KubernetesConfigs(manifests, configDir);
        ClassifierConfig classifier = configs.classifier();
        TrainerConfig trainer = configs.trainer("trainer");

        assertThat(classifier.modelStoreRoot()).isEqualTo(trainer.storeRoot());
        assertThat(claimAt(manifests, CLASSIFIER, "classifier", classifier.modelStoreRoot()))
                .isEqualTo(claimAt(manifests, TRAINER, "trainer", trainer.storeRoot()))
                .isEqualTo(claimAt(manifests, TRAINER, "bootstrap", trainer.storeRoot()))
                .isEqualTo("streamtune-models");
        assertThat(Yamls.strings(Yamls.at(manifests.one("PersistentVolumeClaim", "streamtune-models"), "spec")
                        .get("accessModes")))
                .containsExactly("ReadWriteMany");
        String stateDir = String.valueOf(classifier.streamsConfig().get("state.dir"));
        Map<String, Object> deployment = manifests.one("Deployment", CLASSIFIER);
        assertThat(Workloads.volumeAt(deployment, Workloads.container(deployment, "classifier"), stateDir))
                .as("kafka.state.dir %s mounted", stateDir)
                .isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"cpu", "gpu"})
    void shouldProbeEachAppsOpsEndpointOnItsConfiguredPort(String overlay) throws IOException {
        KubernetesManifests manifests = overlay(overlay);
        KubernetesConfigs configs = new KubernetesConfigs(manifests, configDir);
        ReviewConfig review = configs.review();

        assertProbedOn(
                configs.container(CLASSIFIER, "classifier"),
                "ops",
                configs.classifier().httpPort());
        assertProbedOn(
                configs.container(TRAINER, "trainer"),
                "ops",
                configs.trainer("trainer").httpPort());
        assertProbedOn(configs.container(REVIEW, "review"), "http", review.httpPort());
        assertThat(configs.trainer("trainer").httpHost()).isEqualTo("0.0.0.0");
        assertThat(review.httpHost()).isEqualTo("0.0.0.0");
        Map<String, Object> deployment = manifests.one("Deployment", REVIEW);
        Map<String, Object> users = Workloads.volumeAt(
                        deployment,
                        Workloads.container(deployment, "review"),
                        review.usersFile().getParent().toString())
                .orElseThrow(() -> new AssertionError(
                        "nothing mounted at " + review.usersFile().getParent()));
        assertThat(Yamls.map(users.get("secret")).get("secretName")).isEqualTo("streamtune-review");
        assertThat(Yamls.maps(Yamls.map(users.get("secret")).get("items"))).anySatisfy(item -> assertThat(item)
                .containsEntry("path", review.usersFile().getFileName().toString()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"cpu", "gpu"})
    void shouldScaleTheClassifiersOnTheLagOfTheirGroupOnTheInputTopicUpToItsPartitions(String overlay)
            throws IOException {
        KubernetesManifests manifests = overlay(overlay);
        ClassifierConfig classifier = new KubernetesConfigs(manifests, configDir).classifier();
        int partitions = partitions(manifests, classifier.inputTopic());
        Map<String, Object> scaler =
                Yamls.map(manifests.one("ScaledObject", CLASSIFIER).get("spec"));
        Map<String, Object> trigger = Yamls.maps(scaler.get("triggers")).get(0);
        Map<String, Object> lag = Yamls.map(trigger.get("metadata"));

        assertThat(Yamls.map(scaler.get("scaleTargetRef")))
                .containsEntry("kind", "Deployment")
                .containsEntry("name", CLASSIFIER);
        assertThat(trigger).containsEntry("type", "kafka");
        assertThat(lag)
                .containsEntry("topic", classifier.inputTopic())
                .containsEntry("consumerGroup", classifier.applicationId())
                .containsEntry("bootstrapServers", classifier.streamsConfig().get("bootstrap.servers"));
        assertThat((Integer) scaler.get("maxReplicaCount")).isBetween(1, partitions);
        assertThat((Integer) scaler.get("minReplicaCount")).isBetween(1, (Integer) scaler.get("maxReplicaCount"));
        assertThat((Integer) Yamls.at(manifests.one("Deployment", CLASSIFIER), "spec")
                        .get("replicas"))
                .isBetween(1, partitions);
    }

    @Test
    void shouldDeclareEveryTopicAlikeForStrimziAndTheTopicJob() throws IOException {
        KubernetesManifests strimzi = overlay("cpu");
        KubernetesManifests withJob = KubernetesManifests.assemble(topicJobVariant());
        String bootstrap = String.valueOf(new KubernetesConfigs(strimzi, configDir)
                .classifier()
                .streamsConfig()
                .get("bootstrap.servers"));
        Map<String, Object> job = withJob.one("Job", "streamtune-topics");
        Map<String, Object> creator = Workloads.container(job, "create-topics");
        Map<String, String> environment = KubernetesConfigs.environment(creator);
        List<Map<String, Object>> topics = strimzi.ofKind("KafkaTopic");

        assertThat(topics)
                .extracting(topic -> new Topics.TopicSpec(
                        KubernetesManifests.name(topic),
                        "compact".equals(Yamls.at(topic, "spec", "config").get("cleanup.policy"))))
                .containsExactlyInAnyOrderElementsOf(Topics.all());
        for (Map<String, Object> topic : topics) {
            String cluster =
                    String.valueOf(Yamls.at(topic, "metadata", "labels").get("strimzi.io/cluster"));
            assertThat(bootstrap)
                    .as("the bootstrap Service of cluster " + cluster)
                    .startsWith(cluster + "-kafka-bootstrap:");
            assertThat(String.valueOf(Yamls.at(topic, "spec").get("partitions")))
                    .isEqualTo(environment.get("PARTITIONS"));
            assertThat(String.valueOf(Yamls.at(topic, "spec").get("replicas")))
                    .isEqualTo(environment.get("REPLICATION_FACTOR"));
            assertThat(Yamls.at(topic, "spec"))
                    .as("no schema checks a KafkaTopic: no field beyond these")
                    .containsOnlyKeys("partitions", "replicas", "config");
            assertThat(Yamls.at(topic, "spec", "config")).containsOnlyKeys("cleanup.policy");
        }
        assertThat(environment).containsEntry("BOOTSTRAP_SERVERS", bootstrap);
        assertThat(withJob.ofKind("KafkaTopic")).isEmpty();
        assertThat(strimzi.find("Job", "streamtune-topics")).isEmpty();
        Path script = new KubernetesConfigs(withJob, configDir).scriptFile(job, creator);
        assertThat(script).hasSameTextualContentAs(ComposeFile.ROOT.resolve("ops/compose/create-topics.sh"));
    }

    @Test
    void shouldRunOneTrainerThatStopsBeforeItsSuccessorStarts() throws IOException {
        KubernetesManifests manifests = overlay("cpu");
        Map<String, Object> spec = Yamls.at(manifests.one("Deployment", TRAINER), "spec");
        KubernetesConfigs configs = new KubernetesConfigs(manifests, configDir);

        assertThat(spec.get("replicas")).isEqualTo(1);
        assertThat(Yamls.map(spec.get("strategy"))).containsEntry("type", "Recreate");
        assertThat(configs.trainer("bootstrap").transactionalId())
                .as("the bootstrap publishes as the trainer does, so it must finish before the trainer starts")
                .isEqualTo(configs.trainer("trainer").transactionalId());
        assertThat(Yamls.strings(configs.container(TRAINER, "bootstrap").get("command")))
                .containsExactly("bash", "/opt/streamtune/bin/trainer-bootstrap.sh");
    }

    @Test
    void shouldRunTheGpuClassifierOnOneGpuOfAGpuNodeWithTheGpuDevice() throws IOException {
        KubernetesManifests cpu = overlay("cpu");
        KubernetesManifests gpu = overlay("gpu");
        Map<String, Object> pod = Workloads.podSpec(gpu.one("Deployment", CLASSIFIER));
        Map<String, Object> container = classifier(gpu);

        assertThat(new KubernetesConfigs(gpu, configDir).classifier().device().gpuIndex())
                .isZero();
        assertThat(new KubernetesConfigs(gpu, configDir).classifier().deviceRequired())
                .as("a GPU classifier whose GPU is missing refuses to start rather than serve from the CPU")
                .isTrue();
        assertThat(new KubernetesConfigs(cpu, configDir).classifier().device().isGpu())
                .isFalse();
        assertThat(new KubernetesConfigs(gpu, configDir).trainer("trainer").device())
                .as("the trainer stays on CPU nodes")
                .isEqualTo(DeviceRequest.CPU);
        assertThat(new KubernetesConfigs(cpu, configDir).classifier().deviceRequired())
                .isFalse();
        assertThat(Yamls.at(container, "resources", "limits")).containsEntry("nvidia.com/gpu", 1);
        assertThat(Yamls.at(classifier(cpu), "resources", "limits")).doesNotContainKey("nvidia.com/gpu");
        assertThat(container.get("image")).isEqualTo("streamtune/classifier-stream:" + GPU_TAG);
        assertThat(Yamls.map(pod.get("nodeSelector"))).isNotEmpty();
        assertThat(Yamls.maps(pod.get("tolerations")))
                .anySatisfy(toleration -> assertThat(toleration).containsEntry("key", "nvidia.com/gpu"));
    }

    @Test
    void shouldDocumentTheSecretTheManifestsDoNotShip() throws IOException {
        String readme = Files.readString(KubernetesManifests.ROOT.resolve("README.md"));

        for (String secret : EXTERNAL_SECRETS) {
            assertThat(readme).contains("kubectl create secret generic " + secret);
        }
        assertThat(readme).contains("kubectl apply -k ops/kubernetes/overlays/cpu");
    }

    private static void assertConsistent(KubernetesManifests manifests) {
        assertThat(problems(manifests)).isEmpty();
    }

    private static List<String> problems(KubernetesManifests manifests) {
        ManifestReferences references = new ManifestReferences(manifests);
        return Stream.of(
                        references.services(),
                        references.probes(),
                        references.serviceMonitors(),
                        references.disruptionBudgets(),
                        references.volumes(EXTERNAL_SECRETS))
                .flatMap(List::stream)
                .toList();
    }

    /** Kind and name of every resource, a generated ConfigMap without kustomize's hash suffix. */
    private static Set<String> resourceNames(KubernetesManifests manifests) {
        Set<String> names = new TreeSet<>();
        manifests.all().stream()
                .filter(resource -> !"ConfigMap".equals(resource.get("kind")))
                .forEach(resource -> names.add(resource.get("kind") + " " + KubernetesManifests.name(resource)));
        manifests
                .configMaps()
                .keySet()
                .forEach(name -> names.add("ConfigMap " + name.replaceAll("-[a-z0-9]{10}$", "")));
        return names;
    }

    private static void assertProbedOn(Map<String, Object> container, String portName, int configuredPort) {
        assertThat(Workloads.port(container, portName))
                .as(container.get("name") + " port")
                .contains(configuredPort);
        assertThat(Yamls.at(container, "readinessProbe", "httpGet"))
                .containsEntry("path", "/health/ready")
                .containsEntry("port", portName);
        assertThat(Yamls.at(container, "livenessProbe", "httpGet"))
                .containsEntry("path", "/health/live")
                .containsEntry("port", portName);
    }

    private static String claimAt(KubernetesManifests manifests, String deployment, String container, Path path) {
        Map<String, Object> resource = manifests.one("Deployment", deployment);
        return Workloads.volumeAt(resource, Workloads.container(resource, container), path.toString())
                .map(volume -> String.valueOf(
                        Yamls.map(volume.get("persistentVolumeClaim")).get("claimName")))
                .orElse("nothing mounted at " + path + " in " + deployment + "/" + container);
    }

    static int partitions(KubernetesManifests manifests, String topic) {
        return (Integer) Yamls.at(manifests.one("KafkaTopic", topic), "spec").get("partitions");
    }

    private static Map<String, Object> classifier(KubernetesManifests manifests) {
        return Workloads.container(manifests.one("Deployment", CLASSIFIER), "classifier");
    }

    private static void labels(KubernetesManifests manifests, String kind, String name, String... path) {
        Map<String, Object> labels = Yamls.at(manifests.one(kind, name), path);
        labels.replaceAll((key, value) -> value + "-renamed");
    }

    private static Map<String, Object> volume(KubernetesManifests manifests, String name) {
        Map<String, Object> volume =
                Workloads.volume(manifests.one("Deployment", CLASSIFIER), name).orElseThrow();
        volume.clear();
        volume.put("name", name);
        return volume;
    }
}
