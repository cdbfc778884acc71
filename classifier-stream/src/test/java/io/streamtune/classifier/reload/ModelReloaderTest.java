package io.streamtune.classifier.reload;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamtune.classifier.metrics.ClassifierMetrics;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModelReloaderTest {

    private final ServingModel serving = new ServingModel();
    private final ClassifierMetrics metrics = new ClassifierMetrics();
    private final Map<Long, FakeModel> loaded = new HashMap<>();
    private final List<Duration> waits = new ArrayList<>();
    private int rank = 2;

    private final Set<Long> unreachable = new HashSet<>();
    private final Map<Long, List<Instant>> attempts = new HashMap<>();
    private Instant now = Instant.parse("2026-11-27T08:00:00Z");

    private final ModelReloader reloader = new ModelReloader(
            serving,
            target -> {
                attempts.computeIfAbsent(target.version(), v -> new ArrayList<>())
                        .add(now);
                if (unreachable.contains(target.version())) {
                    throw new StoreUnreachableException(
                            "NoSuchFileException: /models/sentiment/" + target.version(), new IOException("unmounted"));
                }
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
            waits::add,
            new RetryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(8)),
            () -> now,
            ReloadListener.NONE);

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

        reloader.reconcile(new ModelTarget("sentiment", 13, "file:///models/sentiment/13", "abc", 200, true));

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

    @Test
    void shouldRetryAVersionTheStoreWasUnreachableForAfterTheBackoffAndThenServeIt() throws Exception {
        reloader.reconcile(target(1));
        unreachable.add(2L);

        assertThat(reloader.reconcile(target(2))).isFalse();
        assertThat(reloader.reconcile(target(2))).isFalse();
        advance(Duration.ofMillis(999));
        assertThat(reloader.reconcile(target(2))).isFalse();
        assertThat(attempts.get(2L)).hasSize(1);
        advance(Duration.ofMillis(1));
        assertThat(reloader.reconcile(target(2))).isFalse();
        assertThat(attempts.get(2L)).hasSize(2);
        assertThat(serving.servedVersion()).hasValue(1L);
        assertThat(loaded.get(1L).closed()).isFalse();
        assertThat(metrics.failedReloads()).isEqualTo(2);

        unreachable.remove(2L);
        advance(Duration.ofSeconds(2));

        assertThat(reloader.reconcile(target(2))).isTrue();
        assertThat(serving.servedVersion()).hasValue(2L);
        assertThat(attempts.get(2L)).hasSize(3);
        assertThat(metrics.failedReloads()).isEqualTo(2);
        assertThat(metrics.reloads()).isEqualTo(2);
    }

    @Test
    void shouldNeverRetryAVersionThatFailedVerification() throws Exception {
        reloader.reconcile(target(1));

        reloader.reconcile(target(13));
        for (int i = 0; i < 10; i++) {
            advance(Duration.ofMinutes(10));
            assertThat(reloader.reconcile(target(13))).isFalse();
        }

        assertThat(attempts.get(13L)).hasSize(1);
        assertThat(metrics.failedReloads()).isEqualTo(1);
        assertThat(serving.servedVersion()).hasValue(1L);
    }

    @Test
    void shouldDoubleTheWaitBetweenAttemptsUpToTheMax() throws Exception {
        reloader.reconcile(target(1));
        unreachable.add(2L);

        for (int second = 0; second <= 60; second++) {
            reloader.reconcile(target(2));
            advance(Duration.ofSeconds(1));
        }

        List<Instant> times = attempts.get(2L);
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < times.size(); i++) {
            gaps.add(Duration.between(times.get(i - 1), times.get(i)).toSeconds());
        }
        assertThat(gaps).startsWith(1L, 2L, 4L, 8L, 8L).containsOnly(1L, 2L, 4L, 8L);
        assertThat(metrics.failedReloads()).isEqualTo(times.size());
        assertThat(serving.servedVersion()).hasValue(1L);
    }

    @Test
    void shouldTryANewerTargetAtOnceInsteadOfTheOneWaitingForItsRetry() throws Exception {
        reloader.reconcile(target(1));
        unreachable.add(2L);
        reloader.reconcile(target(2));
        advance(Duration.ofSeconds(1));
        reloader.reconcile(target(2));

        assertThat(reloader.reconcile(target(3))).isTrue();
        advance(Duration.ofMinutes(5));
        assertThat(reloader.reconcile(target(3))).isTrue();

        assertThat(serving.servedVersion()).hasValue(3L);
        assertThat(attempts.get(2L)).hasSize(2);
        assertThat(attempts.get(3L)).hasSize(1);
    }

    @Test
    void shouldStartTheBackoffAgainForTheNextTargetTheStoreIsUnreachableFor() throws Exception {
        reloader.reconcile(target(1));
        unreachable.addAll(List.of(2L, 3L));
        for (int second = 0; second < 8; second++) {
            reloader.reconcile(target(2));
            advance(Duration.ofSeconds(1));
        }

        reloader.reconcile(target(3));
        advance(Duration.ofSeconds(1));
        reloader.reconcile(target(3));

        assertThat(attempts.get(2L)).hasSize(4);
        assertThat(attempts.get(3L)).hasSize(2);
    }

    private void advance(Duration duration) {
        now = now.plus(duration);
    }

    private static ModelTarget target(long version) {
        return new ModelTarget("sentiment", version, "file:///models/sentiment/" + version, "abc", 100, true);
    }
}
