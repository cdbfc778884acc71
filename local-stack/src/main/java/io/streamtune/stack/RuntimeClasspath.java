package io.streamtune.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the classpath file that {@code local-stack/broker-runtime} or {@code local-stack/registry-runtime} writes when built. */
final class RuntimeClasspath {

    static final String BROKER_DEFAULT = "local-stack/broker-runtime/target/runtime.classpath";
    static final String REGISTRY_DEFAULT = "local-stack/registry-runtime/target/runtime.classpath";

    private RuntimeClasspath() {}

    /** The classpath in the file, checked to be non-empty; the error says how to produce the file. */
    static String read(Path file, String module) {
        if (!Files.isRegularFile(file)) {
            throw new StackException("Missing server classpath file " + file + ": build it with"
                    + " ./mvnw -q -Dquick install -pl local-stack/" + module
                    + " (or point the setting at another file)");
        }
        try {
            String classpath = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (classpath.isEmpty()) {
                throw new StackException("Server classpath file " + file + " is empty; rebuild local-stack/" + module);
            }
            return classpath;
        } catch (IOException e) {
            throw new StackException("Cannot read server classpath file " + file, e);
        }
    }
}
