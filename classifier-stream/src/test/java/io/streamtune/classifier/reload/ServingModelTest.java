package io.streamtune.classifier.reload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamtune.classifier.inference.ClassifiedBatch;
import io.streamtune.classifier.inference.ModelUnavailableException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ServingModelTest {

    private final ServingModel serving = new ServingModel();

    @Test
    void shouldRefuseToClassifyBeforeAModelIsLoaded() {
        assertThatThrownBy(() -> serving.classify(List.of("a"))).isInstanceOf(ModelUnavailableException.class);
        assertThat(serving.servedVersion()).isEmpty();
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void shouldFinishTheBatchInFlightOnTheOldModelAndCloseItAfter() throws Exception {
        FakeModel old = new FakeModel(1);
        FakeModel next = new FakeModel(2);
        serving.swap(old);
        old.hold();
        CompletableFuture<ClassifiedBatch> inFlight =
                CompletableFuture.supplyAsync(() -> serving.classify(List.of("a")));
        old.awaitBatchStarted();

        serving.swap(next);

        assertThat(old.closed()).isFalse();
        assertThat(serving.classify(List.of("b")).modelVersion()).isEqualTo(2);
        old.release();
        ClassifiedBatch finished = inFlight.get();
        assertThat(finished.modelVersion()).isEqualTo(1);
        assertThat(finished.predictions().get(0).label()).isEqualTo("v1");
        assertThat(old.closed()).isTrue();
        assertThat(next.closed()).isFalse();
        assertThat(serving.servedVersion()).hasValue(2L);
    }

    @Test
    void shouldCloseAnIdleOldModelAtOnce() {
        FakeModel old = new FakeModel(1);
        serving.swap(old);

        serving.swap(new FakeModel(2));

        assertThat(old.closed()).isTrue();
    }
}
