package io.streamtune.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The logback.xml the application jars ship (trainer, classifier-stream) and the images' copy: INFO by default,
 * Kafka and DJL at WARN (DJL's CUDA probe at ERROR), and STREAMTUNE_LOG_LEVEL=DEBUG turns on Streamtune's DEBUG
 * lines. {@link CpuOnlyTrainingLogTest} runs a training under the trainer's file.
 */
class ShippedLogbackConfigTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path[] SHIPPED = {
        ROOT.resolve("trainer/src/main/resources/logback.xml"),
        ROOT.resolve("classifier-stream/src/main/resources/logback.xml"),
        ROOT.resolve("ops/docker/logback.xml")
    };

    private static LoggerContext configure(Path file, Map<String, String> properties) throws JoranException {
        LoggerContext context = new LoggerContext();
        properties.forEach(context::putProperty);
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(file.toFile());
        assertThat(context.getStatusManager().getCopyOfStatusList())
                .as("configuration errors or warnings in %s", file)
                .allSatisfy(s -> assertThat(s.getLevel()).isEqualTo(Status.INFO));
        return context;
    }

    @Test
    void shouldLogAtInfoWithKafkaAndDjlAtWarnAndTheCudaProbeAtErrorByDefault() throws JoranException {
        for (Path file : SHIPPED) {
            LoggerContext context = configure(file, Map.of());

            assertThat(context.getLogger("ROOT").getLevel()).as(file.toString()).isEqualTo(Level.INFO);
            assertThat(context.getLogger("io.streamtune.trainer.round.RoundRunner")
                            .getEffectiveLevel())
                    .isEqualTo(Level.INFO);
            assertThat(context.getLogger("org.apache.kafka.clients.NetworkClient")
                            .getEffectiveLevel())
                    .isEqualTo(Level.WARN);
            assertThat(context.getLogger("ai.djl.pytorch.engine.PtEngine").getEffectiveLevel())
                    .isEqualTo(Level.WARN);
            assertThat(context.getLogger("ai.djl.util.cuda.CudaUtils").getEffectiveLevel())
                    .as("DJL's CUDA probe, which warns on every start of a machine without a usable GPU")
                    .isEqualTo(Level.ERROR);
            context.stop();
        }
    }

    @Test
    void shouldKeepTheCudaProbeQuietInTheCliAndQualityHarnessConfigs() throws JoranException {
        Path[] others = {
            ROOT.resolve("ops/cli/src/main/resources/streamtune-cli-logback.xml"),
            ROOT.resolve("ops/quality/src/main/resources/logback.xml")
        };
        for (Path file : others) {
            LoggerContext context = configure(file, Map.of());

            assertThat(context.getLogger("ai.djl.util.cuda.CudaUtils").getEffectiveLevel())
                    .as(file.toString())
                    .isEqualTo(Level.ERROR);
            assertThat(context.getLogger("ai.djl.pytorch.engine.PtEngine").getEffectiveLevel())
                    .isEqualTo(Level.WARN);
            context.stop();
        }
    }

    @Test
    void shouldLogStreamtuneAtDebugWhenTheSwitchIsSet() throws JoranException {
        for (Path file : SHIPPED) {
            LoggerContext context = configure(file, Map.of("STREAMTUNE_LOG_LEVEL", "DEBUG"));

            assertThat(context.getLogger("io.streamtune.model.training.FineTuner")
                            .isDebugEnabled())
                    .as(file.toString())
                    .isTrue();
            assertThat(context.getLogger("org.apache.kafka.clients.NetworkClient")
                            .isDebugEnabled())
                    .isFalse();
            context.stop();
        }
    }
}
