package io.streamtune.model.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamtune.model.artifact.ArtifactVerificationException.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemModelStoreTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] WEIGHTS = "safetensors bytes".getBytes(StandardCharsets.UTF_8);
    private static final byte[] TOKENIZER = "{\"version\":\"1.0\"}".getBytes(StandardCharsets.UTF_8);
    private static final Instant CREATED = Instant.parse("2026-11-22T07:00:00Z");

    @TempDir
    Path root;

    private static ModelArtifact.Builder artifact(long version) {
        ObjectNode config = JSON.createObjectNode().put("model_type", "bert").put("hidden_size", 384);
        return ModelArtifact.builder()
                .setModelName("sentiment")
                .setVersion(version)
                .optParentVersion(version > 1 ? version - 1 : null)
                .optCreatedTime(CREATED)
                .setLabels(List.of("neg", "pos"))
                .setConfig(config)
                .setWeights(ArtifactContent.ofBytes(WEIGHTS))
                .setTokenizer(ArtifactContent.ofBytes(TOKENIZER))
                .optMetrics(Map.of("accuracy", 0.9));
    }

    @Test
    void shouldRoundTripVersionWithHuggingFaceConfigAndManifest() throws IOException {
        FileSystemModelStore store = new FileSystemModelStore(root);

        store.put(artifact(1).build());
        StoredVersion stored = store.put(artifact(2).build());

        StoredVersion resolved = store.resolve("sentiment", 2);
        assertThat(resolved).isEqualTo(stored);
        assertThat(resolved.folder())
                .isEqualTo(root.toRealPath().resolve("sentiment").resolve("2"));
        assertThat(Files.readAllBytes(resolved.folder().resolve("model.safetensors")))
                .isEqualTo(WEIGHTS);
        assertThat(Files.readAllBytes(resolved.folder().resolve("tokenizer.json")))
                .isEqualTo(TOKENIZER);
        JsonNode config = JSON.readTree(resolved.folder().resolve("config.json").toFile());
        assertThat(config.path("architectures").get(0).asText()).isEqualTo("BertForSequenceClassification");
        assertThat(config.path("id2label").path("1").asText()).isEqualTo("pos");
        assertThat(config.path("label2id").path("neg").asInt()).isZero();
        assertThat(config.path("hidden_size").asInt()).isEqualTo(384);
        assertThat(JSON.readTree(resolved.folder().resolve("labels.json").toFile())
                        .toString())
                .isEqualTo("[\"neg\",\"pos\"]");
        assertThat(JSON.readTree(resolved.folder().resolve("metrics.json").toFile())
                        .path("accuracy")
                        .asDouble())
                .isEqualTo(0.9);
        Manifest manifest = resolved.manifest();
        assertThat(manifest.modelName()).isEqualTo("sentiment");
        assertThat(manifest.version()).isEqualTo(2);
        assertThat(manifest.parentVersion()).isEqualTo(1L);
        assertThat(manifest.createdTime()).isEqualTo(CREATED);
        assertThat(manifest.files()).containsOnlyKeys(ArtifactFiles.CONTENT);
        assertThat(manifest.files().get("model.safetensors")).isEqualTo(Checksums.sha256(WEIGHTS));
        assertThat(resolved.manifestSha256())
                .isEqualTo(Checksums.sha256(Files.readAllBytes(resolved.folder().resolve("manifest.json"))));
        assertThat(store.versions("sentiment")).containsExactly(1L, 2L);
        assertThat(store.latest("sentiment")).contains(2L);
        assertThat(store.latest("other")).isEmpty();
        assertThat(store.modelNames()).containsExactly("sentiment");
    }

    @Test
    void shouldRefuseVersionWithOneChangedByte() throws IOException {
        FileSystemModelStore store = new FileSystemModelStore(root);
        Path weights = store.put(artifact(1).build()).folder().resolve("model.safetensors");
        byte[] bytes = Files.readAllBytes(weights);
        bytes[3] ^= 1;
        Files.write(weights, bytes);

        assertThatThrownBy(() -> store.resolve("sentiment", 1))
                .isInstanceOfSatisfying(ArtifactVerificationException.class, e -> {
                    assertThat(e.file()).isEqualTo("model.safetensors");
                    assertThat(e.problem()).isEqualTo(Problem.CHECKSUM_MISMATCH);
                })
                .hasMessageContaining("model.safetensors");
    }

    @Test
    void shouldRefuseVersionWithMissingOrExtraFile() throws IOException {
        FileSystemModelStore store = new FileSystemModelStore(root);
        Path one = store.put(artifact(1).build()).folder();
        Path two = store.put(artifact(2).build()).folder();
        Files.delete(one.resolve("labels.json"));
        Files.writeString(two.resolve("notes.txt"), "hello");

        assertThatThrownBy(() -> store.resolve("sentiment", 1))
                .isInstanceOfSatisfying(ArtifactVerificationException.class, e -> {
                    assertThat(e.file()).isEqualTo("labels.json");
                    assertThat(e.problem()).isEqualTo(Problem.MISSING);
                });
        assertThatThrownBy(() -> store.resolve("sentiment", 2))
                .isInstanceOfSatisfying(ArtifactVerificationException.class, e -> {
                    assertThat(e.file()).isEqualTo("notes.txt");
                    assertThat(e.problem()).isEqualTo(Problem.UNEXPECTED);
                });
    }

    @Test
    void shouldLeaveNothingListedWhenWriteFailsHalfway() throws IOException {
        FileSystemModelStore store = new FileSystemModelStore(root);
        ModelArtifact failing = artifact(1)
                .setWeights(out -> {
                    out.write(WEIGHTS);
                    throw new IOException("disk full");
                })
                .build();

        assertThatThrownBy(() -> store.put(failing))
                .isInstanceOf(IOException.class)
                .hasMessage("disk full");

        assertThat(store.versions("sentiment")).isEmpty();
        try (Stream<Path> left = Files.list(root.resolve("sentiment"))) {
            assertThat(left).isEmpty();
        }
        assertThatThrownBy(() -> store.resolve("sentiment", 1)).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void shouldNeverListTemporaryFolderAndCleanAbandonedOnes() throws IOException {
        new FileSystemModelStore(root).put(artifact(1).build());
        Path abandoned = Files.createDirectories(root.resolve("sentiment/.tmp-2-abandoned"));
        Files.writeString(abandoned.resolve("config.json"), "{");
        Files.setLastModifiedTime(abandoned, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        Path inFlight = Files.createDirectories(root.resolve("sentiment/.tmp-3-in-flight"));

        FileSystemModelStore reopened = new FileSystemModelStore(root, Duration.ofHours(1));

        assertThat(abandoned).doesNotExist();
        assertThat(inFlight).exists();
        assertThat(reopened.versions("sentiment")).containsExactly(1L);
    }

    @Test
    void shouldRefuseNamesAndVersionsThatLeaveTheRoot() throws IOException {
        FileSystemModelStore store = new FileSystemModelStore(root);

        for (String name : List.of("..", "../evil", "a/b", "/etc", ".hidden", "", "a\\b", "x/../../y")) {
            assertThatThrownBy(() -> store.resolve(name, 1))
                    .as(name)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("model name");
            assertThatThrownBy(() -> store.put(artifact(1).setModelName(name).build()))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> store.resolve("sentiment", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.versions("../..")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRefuseManifestListingFileOutsideTheFolder() throws IOException {
        Path folder = new FileSystemModelStore(root).put(artifact(1).build()).folder();
        Path manifest = folder.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"labels.json\"", "\"../labels.json\""));

        assertThatThrownBy(() -> ArtifactVerifier.verify(folder))
                .isInstanceOfSatisfying(ArtifactVerificationException.class, e -> {
                    assertThat(e.file()).isEqualTo("manifest.json");
                    assertThat(e.problem()).isEqualTo(Problem.BAD_MANIFEST);
                })
                .hasMessageContaining("../labels.json");
    }

    @Test
    void shouldRefuseOverwritingVersion() throws IOException {
        FileSystemModelStore store = new FileSystemModelStore(root);
        store.put(artifact(1).build());

        assertThatThrownBy(() -> store.put(artifact(1).build())).isInstanceOf(FileAlreadyExistsException.class);
    }

    @Test
    void shouldImportVerifiedFolderWrittenElsewhere(@TempDir Path elsewhere) throws IOException {
        Path staged = elsewhere.resolve("staged");
        ArtifactWriter.write(artifact(3).build(), staged);
        FileSystemModelStore store = FileSystemModelStore.fromConfig(Map.of("model.store.root", root.toString()));

        StoredVersion stored = store.put(staged);

        assertThat(stored.version()).isEqualTo(3);
        assertThat(stored.folder()).isEqualTo(root.toRealPath().resolve("sentiment/3"));
        assertThat(Files.readAllBytes(stored.folder().resolve("model.safetensors")))
                .isEqualTo(WEIGHTS);
    }

    @Test
    void shouldRefuseConfigWithOtherLabelsAndMissingRootConfig() {
        ObjectNode config = JSON.createObjectNode();
        config.putObject("id2label").put("0", "spam");

        assertThatThrownBy(() -> artifact(1).setConfig(config).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("id2label");
        assertThatThrownBy(() -> FileSystemModelStore.fromConfig(Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("model.store.root");
    }
}
