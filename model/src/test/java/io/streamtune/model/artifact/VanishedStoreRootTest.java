package io.streamtune.model.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store whose root vanishes or is replaced after it opened (an unmounted volume) refuses to work. */
class VanishedStoreRootTest {

    @TempDir
    Path dir;

    private static ModelArtifact artifact(long version) {
        return ModelArtifact.builder()
                .setModelName("sentiment")
                .setVersion(version)
                .setLabels(List.of("neg", "pos"))
                .setConfig(JsonNodeFactory.instance.objectNode().put("model_type", "bert"))
                .setWeights(ArtifactContent.ofBytes("weights".getBytes(StandardCharsets.UTF_8)))
                .setTokenizer(ArtifactContent.ofBytes("{}".getBytes(StandardCharsets.UTF_8)))
                .build();
    }

    @Test
    void shouldRefuseToWriteReadOrListWithoutRecreatingTheRootWhenItIsGone() throws IOException {
        Path root = dir.resolve("store");
        FileSystemModelStore store = new FileSystemModelStore(root);
        store.put(artifact(1));

        Files.move(root, dir.resolve("unmounted"));

        assertThatThrownBy(() -> store.put(artifact(2)))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining(root.toString())
                .hasMessageContaining("is gone");
        assertThatThrownBy(() -> store.versions("sentiment")).isInstanceOf(StoreUnavailableException.class);
        assertThatThrownBy(() -> store.resolve("sentiment", 1)).isInstanceOf(StoreUnavailableException.class);
        assertThatThrownBy(store::modelNames).isInstanceOf(StoreUnavailableException.class);
        assertThat(root).doesNotExist();
    }

    @Test
    void shouldWorkAgainWhenTheSameFolderIsBack() throws IOException {
        Path root = dir.resolve("store");
        FileSystemModelStore store = new FileSystemModelStore(root);
        store.put(artifact(1));
        Files.move(root, dir.resolve("unmounted"));
        assertThatThrownBy(() -> store.versions("sentiment")).isInstanceOf(StoreUnavailableException.class);

        Files.move(dir.resolve("unmounted"), root);
        store.put(artifact(2));

        assertThat(store.versions("sentiment")).containsExactly(1L, 2L);
        assertThat(store.resolve("sentiment", 1).version()).isEqualTo(1);
    }

    @Test
    void shouldRefuseAnEmptyFolderInPlaceOfTheRootAndLeaveItEmpty() throws IOException {
        Path root = dir.resolve("store");
        FileSystemModelStore store = new FileSystemModelStore(root);
        store.put(artifact(1));
        Files.move(root, dir.resolve("unmounted"));
        Files.createDirectory(root);

        assertThatThrownBy(() -> store.put(artifact(2)))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("is an empty folder");
        assertThatThrownBy(() -> store.versions("sentiment")).isInstanceOf(StoreUnavailableException.class);
        try (Stream<Path> entries = Files.list(root)) {
            assertThat(entries).isEmpty();
        }
    }

    @Test
    void shouldTakeAnotherFolderWithContentInPlaceOfTheRootAsTheStore() throws IOException {
        Path root = dir.resolve("store");
        FileSystemModelStore store = new FileSystemModelStore(root);
        Files.move(root, dir.resolve("unmounted"));
        Path mounted = dir.resolve("volume");
        new FileSystemModelStore(mounted).put(artifact(1));
        Files.move(mounted, root);

        store.put(artifact(2));

        assertThat(store.versions("sentiment")).containsExactly(1L, 2L);
    }

    @Test
    void shouldStillCreateTheModelFolderOfAFirstVersion() throws IOException {
        FileSystemModelStore store = new FileSystemModelStore(dir.resolve("store"));

        store.put(artifact(1));

        assertThat(store.versions("sentiment")).containsExactly(1L);
    }
}
