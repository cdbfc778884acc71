package io.streamtune.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamtune.trainer.tuning.ShortTrainingRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short training run in a JVM of its own (the engine probes for CUDA once per JVM, when PyTorch and the
 * tokenizer load), logging through the trainer's shipped logback.xml as {@code java -jar} does: on a machine
 * without a usable GPU it prints no CUDA warning.
 *
 * <p>Meaningful where a CUDA runtime library is installed without a driver that serves it (this build machine has
 * {@code /usr/local/cuda-13.0/lib/libcudart.so} and no NVIDIA driver): DJL's probe then fails with "CUDA driver
 * version is insufficient for CUDA runtime version" and logs it at WARN unless the shipped configuration keeps it
 * quiet. Where no CUDA runtime exists, DJL finds none and the probe logs nothing at any level above DEBUG.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class CpuOnlyTrainingLogTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path folder;

    @Test
    void shouldTrainOnTheCpuWithoutACudaWarningUnderTheShippedLogging() throws IOException, InterruptedException {
        Path output = folder.resolve("run.log");
        Process process = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx1g",
                        "-Dai.djl.offline=true",
                        "-Dlogback.configurationFile=" + ROOT.resolve("trainer/src/main/resources/logback.xml"),
                        "-cp",
                        System.getProperty("java.class.path"),
                        ShortTrainingRun.class.getName(),
                        ROOT.resolve("data/uci_sentiment.jsonl").toString(),
                        folder.resolve("models").toString()))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();

        assertThat(process.waitFor(4, TimeUnit.MINUTES)).as("the run finished").isTrue();
        String log = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(log).isZero();
        assertThat(log).contains(ShortTrainingRun.DONE + "1");
        assertThat(log).doesNotContainIgnoringCase("cuda").doesNotContainIgnoringCase("gpu");
    }
}
