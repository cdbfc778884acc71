package io.streamtune.model.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The device choice against a made-up GPU count: no GPU needed. */
class DeviceSelectionTest {

    private static final String DEVICE_KEY = "app.device";
    private static final String REQUIRED_KEY = "app.device.required";

    private final Logger logger = (Logger) LoggerFactory.getLogger(DeviceSelection.class);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    @BeforeEach
    void attach() {
        appender.start();
        logger.addAppender(appender);
    }

    @AfterEach
    void detach() {
        logger.detachAppender(appender);
    }

    private static DeviceSelection withGpus(int count) {
        return new DeviceSelection(DEVICE_KEY, REQUIRED_KEY, () -> count);
    }

    private ILoggingEvent onlyLogLine() {
        assertThat(appender.list).hasSize(1);
        return appender.list.get(0);
    }

    @Nested
    class WithoutAGpu {

        @Test
        void shouldChooseTheCpuForAutoAndWarnWhy() {
            DeviceChoice choice = withGpus(0).choose(DeviceRequest.AUTO, false);

            assertThat(choice.isGpu()).isFalse();
            assertThat(choice.device()).isEqualTo("cpu");
            assertThat(choice.reason()).contains(DEVICE_KEY + "=auto", "no GPU");
            assertThat(onlyLogLine().getLevel()).isEqualTo(Level.WARN);
            assertThat(onlyLogLine().getFormattedMessage()).startsWith("Running on cpu: ");
        }

        @Test
        void shouldFallBackToTheCpuForAMissingGpuThatIsNotRequired() {
            DeviceChoice choice = withGpus(0).choose(DeviceRequest.gpu(1), false);

            assertThat(choice.device()).isEqualTo("cpu");
            assertThat(choice.reason()).contains(DEVICE_KEY + "=gpu:1", "0 GPU(s)", REQUIRED_KEY + "=false");
            assertThat(onlyLogLine().getLevel()).isEqualTo(Level.WARN);
        }

        @Test
        void shouldRefuseAMissingGpuThatIsRequiredNamingTheKeys() {
            assertThatThrownBy(() -> withGpus(0).choose(DeviceRequest.gpu(1), true))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(DEVICE_KEY + "=gpu:1")
                    .hasMessageContaining(REQUIRED_KEY + "=true");
        }

        @Test
        void shouldRefuseAutoWhenAGpuIsRequired() {
            assertThatThrownBy(() -> withGpus(0).choose(DeviceRequest.AUTO, true))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(DEVICE_KEY + "=auto")
                    .hasMessageContaining(REQUIRED_KEY + "=true");
        }

        @Test
        void shouldTakeTheCpuWhenAskedWithoutCountingGpus() {
            DeviceSelection selection = new DeviceSelection(DEVICE_KEY, REQUIRED_KEY, () -> {
                throw new AssertionError("the CPU needs no GPU count");
            });

            DeviceChoice choice = selection.choose(DeviceRequest.CPU, true);

            assertThat(choice.device()).isEqualTo("cpu");
            assertThat(onlyLogLine().getLevel()).isEqualTo(Level.INFO);
        }
    }

    @Nested
    class WithTwoGpus {

        @Test
        void shouldChooseGpuZeroForAuto() {
            DeviceChoice choice = withGpus(2).choose(DeviceRequest.AUTO, false);

            assertThat(choice.device()).isEqualTo("gpu:0");
            assertThat(choice.djlDevice()).isEqualTo(ai.djl.Device.gpu(0));
            assertThat(choice.reason()).contains("2 GPU(s)");
            assertThat(onlyLogLine().getLevel()).isEqualTo(Level.WARN);
        }

        @Test
        void shouldChooseTheGpuAskedFor() {
            DeviceChoice choice = withGpus(2).choose(DeviceRequest.gpu(1), true);

            assertThat(choice.device()).isEqualTo("gpu:1");
            assertThat(onlyLogLine().getLevel()).isEqualTo(Level.INFO);
        }

        @Test
        void shouldRefuseARequiredGpuBeyondTheLast() {
            assertThatThrownBy(() -> withGpus(2).choose(DeviceRequest.gpu(3), true))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(DEVICE_KEY + "=gpu:3 but PyTorch sees 2 GPU(s)")
                    .hasMessageContaining(REQUIRED_KEY);
        }

        @Test
        void shouldFallBackToTheCpuForAGpuBeyondTheLastThatIsNotRequired() {
            assertThat(withGpus(2).choose(DeviceRequest.gpu(2), false).device()).isEqualTo("cpu");
        }
    }

    @Test
    void shouldParseWhatTheConfigurationMayAskFor() {
        assertThat(DeviceRequest.parse("auto")).isEqualTo(DeviceRequest.AUTO);
        assertThat(DeviceRequest.parse("cpu")).isEqualTo(DeviceRequest.CPU);
        assertThat(DeviceRequest.parse("gpu:1")).isEqualTo(DeviceRequest.gpu(1));
        assertThat(DeviceRequest.parse("gpu:1")).hasToString("gpu:1");
        for (String bad : new String[] {"tpu", "gpu:", "gpu:-1", "GPU:0", "gpu:1234", "", " auto"}) {
            assertThatThrownBy(() -> DeviceRequest.parse(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("must be auto, cpu or gpu:N");
        }
        assertThatThrownBy(() -> DeviceRequest.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
