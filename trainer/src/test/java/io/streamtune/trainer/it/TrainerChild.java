package io.streamtune.trainer.it;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/** Starts {@link TrainerProcessMain} in a JVM of its own, on a properties file, logging to a file. */
final class TrainerChild {

    private TrainerChild() {}

    /** Starts a trainer process; see {@link TrainerProcessMain} for the modes. */
    static Process start(Path configFile, Path marker, String mode, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(
                        java,
                        "-Xmx512m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        TrainerProcessMain.class.getName(),
                        configFile.toString(),
                        marker.toString(),
                        mode)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    /** Writes trainer settings as a properties file. */
    static Path writeProperties(Map<String, Object> settings, Path file) throws IOException {
        Properties properties = new Properties();
        settings.forEach((key, value) -> properties.setProperty(key, String.valueOf(value)));
        try (Writer writer = Files.newBufferedWriter(file)) {
            properties.store(writer, "trainer under test");
        }
        return file;
    }

    /** SIGKILL, as the kernel's OOM killer or {@code kill -9} would. */
    static void kill(Process process) throws InterruptedException {
        process.destroyForcibly().waitFor();
    }
}
