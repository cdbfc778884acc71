package io.streamtune.classifier.engine;

import static io.streamtune.classifier.engine.LoadFailureCause.STORE_UNREACHABLE;
import static io.streamtune.classifier.engine.LoadFailureCause.VERSION_REFUSED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParseException;
import io.streamtune.model.artifact.ArtifactVerificationException;
import io.streamtune.model.artifact.ArtifactVerificationException.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LoadFailureCauseTest {

    private static final Path FOLDER = Path.of("/models/sentiment/2");

    @Test
    void shouldCallAStoreThatCannotBeReadUnreachable() {
        assertThat(LoadFailureCause.of(new NoSuchFileException("/models/sentiment/2", null, "no version 2")))
                .isEqualTo(STORE_UNREACHABLE);
        assertThat(LoadFailureCause.of(new AccessDeniedException("/models"))).isEqualTo(STORE_UNREACHABLE);
        assertThat(LoadFailureCause.of(new IOException("Input/output error"))).isEqualTo(STORE_UNREACHABLE);
        assertThat(LoadFailureCause.of(new UncheckedIOException(new IOException("Stale file handle"))))
                .isEqualTo(STORE_UNREACHABLE);
    }

    @Test
    void shouldRefuseAVersionThatFailsVerificationForGood() {
        for (Problem problem : Problem.values()) {
            assertThat(LoadFailureCause.of(
                            new ArtifactVerificationException(FOLDER, "model.safetensors", problem, "x")))
                    .as(problem.toString())
                    .isEqualTo(VERSION_REFUSED);
        }
        assertThat(LoadFailureCause.of(new UncheckedIOException(
                        new ArtifactVerificationException(FOLDER, "manifest.json", Problem.BAD_MANIFEST, "x"))))
                .isEqualTo(VERSION_REFUSED);
    }

    @Test
    void shouldRefuseALocationOutsideTheStoreAndAModelThatCannotBeLoadedForGood() {
        assertThat(LoadFailureCause.of(
                        new IllegalArgumentException("refusing artifact location '../x': it leaves the store root")))
                .isEqualTo(VERSION_REFUSED);
        assertThat(LoadFailureCause.of(new IllegalStateException("tensor shape mismatch")))
                .isEqualTo(VERSION_REFUSED);
        assertThat(LoadFailureCause.of(new JsonParseException(null, "Unexpected end-of-input in config.json")))
                .isEqualTo(VERSION_REFUSED);
    }
}
