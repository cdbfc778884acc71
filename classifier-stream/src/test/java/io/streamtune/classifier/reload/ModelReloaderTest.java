package io.streamtune.classifier.reload;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamtune.classifier.metrics.ClassifierMetrics;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelReloaderTest {

    private final ServingModel serving = new ServingModel();
    private final ClassifierMetrics metrics = new ClassifierMetrics();
    private final Map<Long, FakeModel> loaded = new HashMap<>();
    private final List<Duration> waits = new ArrayList<>();
    private int rank = 2;

    private final ModelReloader reloader = new ModelReloader(
            serving,
            target -> {
                if (target.version() == 13) {
                    throw new IOException("checksum mismatch in model.safetensors");
                }
                FakeModel model = new FakeModel(target.version());
                loaded.put(target.version(), model);
                return model;
            },
            () -> rank,
            Duration.ofSeconds(5),
            metrics,
            waits::add);

    @Test
    void shouldServeTheFirstVersionWithoutWaiting() throws Exception {
        assertThat(reloader.reconcile(target(1))).isTrue();

        assertThat(serving.servedVersion()).hasValue(1L);
        assertThat(waits).isEmpty();
        assertThat(metrics.reloads()).isEqualTo(1);
        assertThat(metrics.servedVersion()).isEqualTo(1);
    }

    @Test
    void shouldWaitRankTimesStaggerBeforeSwappingAndCloseTheOldModel() throws Exception {
        reloader.reconcile(target(1));

        reloader.reconcile(target(2));

        assertThat(waits).containsExactly(Duration.ofSeconds(10));
        assertThat(serving.servedVersion()).hasValue(2L);
        assertThat(loaded.get(1L).closed()).isTrue();
    }

    @Test
    void shouldSwapAtOnceOnTheFirstRankedInstance() throws Exception {
        rank = 0;
        reloader.reconcile(target(1));

        reloader.reconcile(target(2));

        assertThat(waits).isEmpty();
    }

    @Test
    void shouldRefuseAVersionThatFailsToLoadAndKeepServingTheOldOne() throws Exception {
        reloader.reconcile(target(1));

        assertThat(reloader.reconcile(target(13))).isFalse();
        assertThat(reloader.reconcile(target(13))).isFalse();

        assertThat(serving.servedVersion()).hasValue(1L);
        assertThat(loaded.get(1L).closed()).isFalse();
        assertThat(metrics.failedReloads()).isEqualTo(1);
        assertThat(metrics.servedVersion()).isEqualTo(1);
    }

    @Test
    void shouldTryARefusedVersionAgainWhenItIsAnnouncedAgain() throws Exception {
        reloader.reconcile(target(1));
        reloader.reconcile(target(13));

        reloader.reconcile(new ModelTarget("sentiment", 13, "file:///models/sentiment/13", "abc", 200));

        assertThat(metrics.failedReloads()).isEqualTo(2);
        assertThat(serving.servedVersion()).hasValue(1L);
    }

    @Test
    void shouldNotReloadTheServedVersionAndRollBackToAnOlderOne() throws Exception {
        reloader.reconcile(target(1));
        reloader.reconcile(target(2));
        reloader.reconcile(target(2));

        reloader.reconcile(target(1));

        assertThat(serving.servedVersion()).hasValue(1L);
        assertThat(metrics.reloads()).isEqualTo(3);
    }

    private static ModelTarget target(long version) {
        return new ModelTarget("sentiment", version, "file:///models/sentiment/" + version, "abc", 100);
    }
}
