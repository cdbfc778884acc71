package io.streamtune.classifier.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CoalescingClassifierTest {

    private final List<List<String>> calls = new CopyOnWriteArrayList<>();
    private final List<String> passes = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstPassMayEnd = new CountDownLatch(1);
    private final ExecutorService callers = Executors.newFixedThreadPool(3);

    @AfterEach
    void stop() {
        callers.shutdownNow();
    }

    @Test
    void shouldServeTwoCallersThatWaitedForAPassWithOneUnderlyingCall() throws Exception {
        CoalescingClassifier shared = new CoalescingClassifier(this::blockingFirstPass, 8, this::add);
        CompletableFuture<ClassifiedBatch> first = call(shared, List.of("first"));
        await().atMost(Duration.ofSeconds(10)).until(() -> calls.size() == 1);

        CompletableFuture<ClassifiedBatch> stream = call(shared, List.of("s-1", "s-2", "s-3"));
        CompletableFuture<ClassifiedBatch> http = call(shared, List.of("h-1"));
        await().atMost(Duration.ofSeconds(10)).until(() -> shared.waitingCallers() == 2);
        firstPassMayEnd.countDown();

        assertThat(labels(first.get())).containsExactly("first");
        assertThat(labels(stream.get())).containsExactly("s-1", "s-2", "s-3");
        assertThat(labels(http.get())).containsExactly("h-1");
        assertThat(calls).hasSize(2);
        assertThat(calls.get(1)).containsExactlyInAnyOrder("s-1", "s-2", "s-3", "h-1");
        assertThat(stream.get().embeddings()).hasSize(3);
        assertThat(stream.get().embeddings().get(2)[0]).isEqualTo(code("s-3"));
        assertThat(http.get().embeddings().get(0)[0]).isEqualTo(code("h-1"));
        assertThat(http.get().modelVersion()).isEqualTo(7);
        assertThat(passes).containsExactly("1 callers, 1 texts", "2 callers, 4 texts");
    }

    @Test
    void shouldNotShareAPassBeyondTheBatchSize() throws Exception {
        CoalescingClassifier shared = new CoalescingClassifier(this::blockingFirstPass, 3, this::add);
        CompletableFuture<ClassifiedBatch> first = call(shared, List.of("first"));
        await().atMost(Duration.ofSeconds(10)).until(() -> calls.size() == 1);
        CompletableFuture<ClassifiedBatch> big = call(shared, List.of("b-1", "b-2", "b-3"));
        await().atMost(Duration.ofSeconds(10)).until(() -> shared.waitingCallers() == 1);
        CompletableFuture<ClassifiedBatch> small = call(shared, List.of("s-1"));
        await().atMost(Duration.ofSeconds(10)).until(() -> shared.waitingCallers() == 2);
        firstPassMayEnd.countDown();

        CompletableFuture.allOf(first, big, small).get();
        assertThat(calls).containsExactly(List.of("first"), List.of("b-1", "b-2", "b-3"), List.of("s-1"));
    }

    @Test
    void shouldRunTheCallersOfAFailedSharedPassAloneSoOnlyTheBadTextsCallerFails() throws Exception {
        CoalescingClassifier shared = new CoalescingClassifier(
                texts -> {
                    ClassifiedBatch batch = blockingFirstPass(texts);
                    if (texts.contains("poison")) {
                        throw new IllegalArgumentException("cannot classify poison");
                    }
                    return batch;
                },
                8,
                this::add);
        CompletableFuture<ClassifiedBatch> first = call(shared, List.of("first"));
        await().atMost(Duration.ofSeconds(10)).until(() -> calls.size() == 1);
        CompletableFuture<ClassifiedBatch> bad = call(shared, List.of("poison"));
        CompletableFuture<ClassifiedBatch> good = call(shared, List.of("fine"));
        await().atMost(Duration.ofSeconds(10)).until(() -> shared.waitingCallers() == 2);
        firstPassMayEnd.countDown();

        assertThat(labels(good.get())).containsExactly("fine");
        assertThatThrownBy(bad::join).hasCauseInstanceOf(IllegalArgumentException.class);
        assertThat(labels(first.get())).containsExactly("first");
        assertThat(calls).hasSize(4);
    }

    @Test
    void shouldPassAModelThatIsNotLoadedOnToTheCaller() {
        CoalescingClassifier shared = new CoalescingClassifier(
                texts -> {
                    throw new ModelUnavailableException("no model is loaded yet");
                },
                8,
                this::add);

        assertThatThrownBy(() -> shared.classify(List.of("x"))).isInstanceOf(ModelUnavailableException.class);
    }

    private void add(int callers, int texts) {
        passes.add(callers + " callers, " + texts + " texts");
    }

    private CompletableFuture<ClassifiedBatch> call(CoalescingClassifier shared, List<String> texts) {
        return CompletableFuture.supplyAsync(() -> shared.classify(texts), callers);
    }

    /** Labels each text with itself and embeds it as its hash; the first call waits until the test lets it end. */
    private ClassifiedBatch blockingFirstPass(List<String> texts) {
        calls.add(List.copyOf(texts));
        if (calls.size() == 1) {
            try {
                firstPassMayEnd.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return new ClassifiedBatch(
                "m",
                7,
                texts.stream()
                        .map(text -> new Prediction(text, 1.0, Map.of(text, 1.0), false))
                        .toList(),
                texts.stream().map(text -> new float[] {code(text)}).toList());
    }

    private static float code(String text) {
        return text.hashCode();
    }

    private static List<String> labels(ClassifiedBatch batch) {
        return batch.predictions().stream().map(Prediction::label).toList();
    }
}
