package io.streamtune.model.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamtune.model.artifact.ArtifactVerificationException.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A record's artifact location is untrusted: the store reads only its own folder of the announced version, and
 * every file of that folder is checked byte for byte against the manifest.
 */
class StoreConfinementTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path base;

    private Path root;
    private FileSystemModelStore store;
    private StoredVersion stored;

    @BeforeEach
    void writeVersionAndAValidCopyOutsideTheRoot() throws IOException {
        store = new FileSystemModelStore(base.resolve("store"));
        root = store.root();
        stored = store.put(artifact("sentiment", 1));
        FileSystemModelStore outside = new FileSystemModelStore(base.resolve("outside"));
        outside.put(artifact("sentiment", 2));
    }

    @Test
    void shouldAcceptTheVersionsOwnFolderAsFileUriPathOrRelativePath() throws IOException {
        String folder = root.resolve("sentiment/1").toString();
        for (String location : List.of(
                stored.uri().toString(),
                "file://" + folder,
                folder,
                "sentiment/1",
                "sentiment/1/",
                "./sentiment/x/../1")) {
            assertThat(store.resolveAnnounced("sentiment", 1, location).folder())
                    .as(location)
                    .isEqualTo(stored.folder());
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "../outside/sentiment/2",
                "../../../../../../etc",
                "sentiment/1/../../../outside/sentiment/2",
                "sentiment/%2e%2e/%2e%2e/../outside/sentiment/2",
                "/etc",
                "/etc/passwd",
                "file:///etc",
                "file:/etc/",
                "FILE:///tmp",
                "file://otherhost/store/sentiment/1",
                "http://attacker.example/sentiment/1",
                "s3://bucket/sentiment/1",
                "jar:file:/tmp/x.jar!/sentiment/1",
                "sentiment/1?x=1",
                "sentiment/1#frag",
                "sentiment\\..\\..\\etc",
                "sentiment/2",
                "other/1",
                "",
                " ",
                "sentiment/1%00.txt"
            })
    void shouldRefuseLocationsThatAreNotTheVersionsFolderInTheRoot(String location) {
        assertThatThrownBy(() -> store.resolveAnnounced("sentiment", 1, location))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("refusing artifact location '" + location + "'");
    }

    @Test
    void shouldRefuseAbsoluteFileUriAndTraversalToACompleteVersionOutsideTheRoot() {
        Path elsewhere = base.resolve("outside/sentiment/2");
        assertThat(elsewhere.resolve("manifest.json")).exists();

        for (String location : List.of(
                elsewhere.toUri().toString(),
                elsewhere.toString(),
                "file://" + root + "/../outside/sentiment/2",
                root + "/sentiment/../../outside/sentiment/2")) {
            assertThatThrownBy(() -> store.resolveAnnounced("sentiment", 2, location))
                    .as(location)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("leaves the store root");
        }
    }

    @Test
    void shouldRefuseSymbolicLinksLeavingTheRoot() throws IOException {
        Path elsewhere = base.resolve("outside/sentiment/2");
        Files.createSymbolicLink(root.resolve("escape"), base.resolve("outside"));
        Files.createSymbolicLink(root.resolve("sentiment/2"), elsewhere);
        Files.createSymbolicLink(root.resolve("linked"), base.resolve("outside/sentiment"));

        assertThatThrownBy(() -> store.resolveAnnounced("sentiment", 2, "escape/sentiment/2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not this version's folder");
        assertThatThrownBy(() -> store.resolveAnnounced("sentiment", 2, "sentiment/2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("symbolic link takes it to " + elsewhere.toRealPath());
        assertThatThrownBy(() -> store.resolve("sentiment", 2)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> store.resolveAnnounced("linked", 2, "linked/2"))
                .isInstanceOfSatisfying(ArtifactVerificationException.class, e -> assertThat(e.problem())
                        .isEqualTo(ArtifactVerificationException.Problem.SYMBOLIC_LINK))
                .hasMessageContaining("symbolic link");
    }

    @Test
    void shouldRefuseAFileInsideTheVersionThatIsASymbolicLink() throws IOException {
        Path labels = stored.folder().resolve(ArtifactFiles.LABELS);
        Path copy = Files.copy(labels, base.resolve("labels-copy.json"));
        Files.delete(labels);
        Files.createSymbolicLink(labels, copy);

        assertThatThrownBy(() -> store.resolveAnnounced("sentiment", 1, "sentiment/1"))
                .isInstanceOfSatisfying(ArtifactVerificationException.class, e -> {
                    assertThat(e.file()).isEqualTo(ArtifactFiles.LABELS);
                    assertThat(e.problem()).isEqualTo(Problem.MISSING);
                });
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"..", ".", "../sentiment", "a/b", "/etc", "%2e%2e", "sentiment/../..", ".hidden", "a\u0000b"})
    void shouldRefuseModelNamesThatAreNotOneSafeSegment(String name) {
        assertThatThrownBy(() -> store.resolveAnnounced(name, 1, name + "/1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid model name");
    }

    @Test
    void shouldRefuseVersionsBelowOne() {
        assertThatThrownBy(() -> store.resolveAnnounced("sentiment", 0, "sentiment/0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid version 0");
        assertThatThrownBy(() -> store.resolveAnnounced("sentiment", -1, "sentiment/-1"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                ArtifactFiles.CONFIG,
                ArtifactFiles.WEIGHTS,
                ArtifactFiles.TOKENIZER,
                ArtifactFiles.LABELS,
                ArtifactFiles.METRICS
            })
    void shouldRefuseOneChangedByteInAnyFile(String file) throws IOException {
        flipOneByte(stored.folder().resolve(file));

        assertThatThrownBy(() -> store.resolveAnnounced("sentiment", 1, "sentiment/1"))
                .isInstanceOfSatisfying(ArtifactVerificationException.class, e -> {
                    assertThat(e.file()).isEqualTo(file);
                    assertThat(e.problem()).isEqualTo(Problem.CHECKSUM_MISMATCH);
                });
    }

    @Test
    void shouldGiveTheManifestAnotherChecksumWhenOneByteOfItChanges() throws IOException {
        String before = stored.manifestSha256();
        Path manifest = stored.folder().resolve(ArtifactFiles.MANIFEST);
        Files.writeString(manifest, Files.readString(manifest).replace("\"version\"", "\"version\" "));

        assertThat(store.resolve("sentiment", 1).manifestSha256()).isNotEqualTo(before);
    }

    private static void flipOneByte(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x01;
        file.toFile().setWritable(true);
        Files.write(file, bytes);
    }

    private static ModelArtifact artifact(String name, long version) {
        return ModelArtifact.builder()
                .setModelName(name)
                .setVersion(version)
                .setLabels(List.of("neg", "pos"))
                .setConfig(JSON.createObjectNode().put("model_type", "bert"))
                .setWeights(ArtifactContent.ofBytes("weights".getBytes(StandardCharsets.UTF_8)))
                .setTokenizer(ArtifactContent.ofBytes("{\"version\":\"1.0\"}".getBytes(StandardCharsets.UTF_8)))
                .optMetrics(Map.of("accuracy", 0.9))
                .build();
    }
}
