package io.streamtune.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every resource of each variant matches the JSON schema of its kind, as npm's kubernetes-models has them for the
 * Kubernetes API, KEDA and the Prometheus Operator ({@link SchemaCheck}); Strimzi's KafkaTopic has no schema there
 * (KubernetesManifestsTest checks its fields). What is validated is what {@code kustomize build} prints where
 * kustomize exists, else the resources as assembled from the files.
 */
@Timeout(120)
class KubernetesSchemaTest {

    /** Kinds no schema on the registries this project reaches describes. */
    private static final List<String> UNVALIDATED_KINDS = List.of("KafkaTopic");

    static Stream<Path> variants() {
        return KubernetesManifestsTest.variants();
    }

    @ParameterizedTest
    @MethodSource("variants")
    void shouldMatchTheSchemaOfEveryKindExceptStrimzisKafkaTopic(Path variant) throws Exception {
        requireSchemaCheck();
        KubernetesManifestsTest.writeTopicJobVariant();
        Optional<List<String>> kustomize = Kustomize.command();
        KubernetesManifests manifests = kustomize.isPresent()
                ? KubernetesManifests.rendered(Kustomize.build(kustomize.get(), variant))
                : KubernetesManifests.assemble(variant);

        SchemaCheck.Result result = SchemaCheck.validate(withConfigMaps(manifests));

        assertThat(result.lines()).as("schema check of %s", variant).allSatisfy(line -> assertThat(
                        line.startsWith("valid ")
                                || UNVALIDATED_KINDS.stream()
                                        .anyMatch(kind ->
                                                line.startsWith("unvalidated kafka.strimzi.io/v1beta2/" + kind + " ")))
                .as(line)
                .isTrue());
        assertThat(result.lines()).hasSizeGreaterThanOrEqualTo(manifests.all().size());
        assertThat(result.exitCode()).isZero();
    }

    @Test
    void shouldReportAResourceThatBreaksItsSchema() throws Exception {
        requireSchemaCheck();
        KubernetesManifests manifests = KubernetesManifests.assemble(KubernetesManifests.ROOT.resolve("overlays/cpu"));
        Yamls.at(manifests.one("Deployment", KubernetesConfigs.CLASSIFIER), "spec")
                .put("replicas", "two");
        Yamls.at(manifests.one("ScaledObject", KubernetesConfigs.CLASSIFIER), "spec")
                .remove("scaleTargetRef");

        SchemaCheck.Result result = SchemaCheck.validate(manifests.all());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.lines())
                .anySatisfy(line -> assertThat(line)
                        .startsWith("INVALID apps/v1/Deployment streamtune-classifier")
                        .contains("replicas must be integer"))
                .anySatisfy(line -> assertThat(line)
                        .startsWith("INVALID keda.sh/v1alpha1/ScaledObject streamtune-classifier")
                        .contains("scaleTargetRef"));
    }

    /** The resources, with each ConfigMap the kustomization generates when they were assembled from the files. */
    private static List<Map<String, Object>> withConfigMaps(KubernetesManifests manifests) {
        if (!manifests.ofKind("ConfigMap").isEmpty()) {
            return manifests.all();
        }
        Stream<Map<String, Object>> generated = manifests.configMaps().entrySet().stream()
                .map(configMap -> Map.of(
                        "apiVersion",
                        "v1",
                        "kind",
                        "ConfigMap",
                        "metadata",
                        Map.of("name", configMap.getKey()),
                        "data",
                        configMap.getValue()));
        return Stream.concat(manifests.all().stream(), generated).toList();
    }

    /** Skips where npm ci has not run in ops/kubernetes/schema-check; fails in CI, whose .ci/run runs it. */
    private static void requireSchemaCheck() {
        boolean installed = SchemaCheck.installed();
        if ("true".equals(System.getenv("CI"))) {
            assertThat(installed)
                    .as("CI: .ci/run runs npm ci in %s, and node must be on the PATH", SchemaCheck.FOLDER)
                    .isTrue();
        }
        assumeTrue(installed, "SKIPPED: no schema check: run npm ci in " + SchemaCheck.FOLDER + " (needs node)");
    }
}
