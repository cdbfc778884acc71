package io.streamtune.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the root of the Streamtune checkout, where the runtime classpath files and the default data
 * folder live: {@code streamtune.home} / {@code STREAMTUNE_HOME} when set, otherwise the nearest
 * directory at or above the working directory that holds {@code mvnw} and {@code local-stack/pom.xml}.
 */
public final class RepositoryRoot {

    static final String PROPERTY = "streamtune.home";

    private RepositoryRoot() {}

    /** The repository root; fails with a message naming the override when it cannot be found. */
    public static Path locate() {
        Optional<String> configured = Settings.lookup(PROPERTY);
        if (configured.isPresent()) {
            return Path.of(configured.get()).toAbsolutePath().normalize();
        }
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        return searchUpwards(start)
                .orElseThrow(() -> new StackException("Cannot find the Streamtune repository root above " + start
                        + "; run from inside the checkout or set " + PROPERTY + " / "
                        + Settings.environmentName(PROPERTY)));
    }

    static Optional<Path> searchUpwards(Path start) {
        for (Path dir = start.normalize(); dir != null; dir = dir.getParent()) {
            if (isRoot(dir)) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    private static boolean isRoot(Path dir) {
        return Files.isRegularFile(dir.resolve("mvnw")) && Files.isRegularFile(dir.resolve("local-stack/pom.xml"));
    }
}
