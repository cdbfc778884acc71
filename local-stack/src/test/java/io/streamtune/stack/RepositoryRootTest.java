package io.streamtune.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepositoryRootTest {

    @Test
    void shouldFindTheCheckoutAboveANestedModuleDirectory(@TempDir Path root) throws Exception {
        Files.createFile(root.resolve("mvnw"));
        Files.createDirectories(root.resolve("local-stack"));
        Files.createFile(root.resolve("local-stack/pom.xml"));
        Path nested = Files.createDirectories(root.resolve("classifier-stream/target"));

        assertThat(RepositoryRoot.searchUpwards(nested)).contains(root);
    }

    @Test
    void shouldFindNothingOutsideACheckout(@TempDir Path elsewhere) {
        assertThat(RepositoryRoot.searchUpwards(elsewhere)).isEmpty();
    }
}
