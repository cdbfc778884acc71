package io.streamtune.classifier.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.streamtune.classifier.inference.ClassifiedBatch;
import io.streamtune.classifier.inference.Prediction;
import io.streamtune.classifier.metrics.ClassifierMetrics;
import io.streamtune.classifier.reload.ModelTarget;
import io.streamtune.classifier.reload.ServingModel;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CorrectionMemoryTest {

    private static final long CORRECTED_AT = 1_000_000L;

    private final ServingModel serving = new ServingModel();
    private final ClassifierMetrics metrics = new ClassifierMetrics();
    private final CorrectionMemory memory = new CorrectionMemory(
            new MemorySettings(0.9, 3),
            serving,
            metrics,
            InstantSource.fixed(Instant.ofEpochMilli(CORRECTED_AT + 2_500)));
    private final MemoryClassifier classifier = new MemoryClassifier(serving, memory);

    @Test
    void shouldGiveTheCorrectedLabelToAnIdenticalTextAndKeepTheModelsScores() {
        serve(new WordVectorModel(1, Set.of("great")), false);
        memory.remember(List.of(entry("e-1", "The battery died after a day", "neg")), Set.of());
        memory.remember(List.of(entry("e-2", "Not great at all, broken on arrival", "neg")), Set.of());

        Prediction answer = classifier
                .classify(List.of("not great at all, broken on arrival!"))
                .predictions()
                .get(0);

        assertThat(answer.label()).isEqualTo("neg");
        assertThat(answer.fromMemory()).isTrue();
        assertThat(answer.memory().eventId()).isEqualTo("e-2");
        assertThat(answer.memory().similarity()).isCloseTo(1.0, within(1e-6));
        assertThat(answer.confidence()).isEqualTo(answer.memory().similarity());
        assertThat(answer.scores()).containsEntry("pos", 0.8);
        assertThat(metrics.memoryHits()).isEqualTo(1);
        assertThat(metrics.memoryFirstAnswerSeconds().snapshot().sum()).isCloseTo(2.5, within(1e-9));
    }

    @Test
    void shouldLeaveTextsBelowTheThresholdToTheModel() {
        serve(new WordVectorModel(1, Set.of("great")), false);
        memory.remember(List.of(entry("e-2", "Not great at all, broken on arrival", "neg")), Set.of());

        List<Prediction> answers = classifier
                .classify(List.of("great phone, works well", "not great at all, broken on arrival, sent it back"))
                .predictions();

        assertThat(answers).extracting(Prediction::fromMemory).containsExactly(false, false);
        assertThat(answers).extracting(Prediction::label).containsExactly("pos", "pos");
        assertThat(metrics.memoryHits()).isZero();
    }

    @Test
    void shouldAnswerWithTheNearestCorrection() {
        serve(new WordVectorModel(1, Set.of()), false);
        memory.remember(
                List.of(
                        entry("e-1", "great sound but the battery died", "pos"),
                        entry("e-2", "great sound, the battery died", "neg")),
                Set.of());

        Prediction answer = classifier
                .classify(List.of("Great sound, the battery died."))
                .predictions()
                .get(0);

        assertThat(answer.memory().eventId()).isEqualTo("e-2");
        assertThat(answer.label()).isEqualTo("neg");
    }

    @Test
    void shouldReplaceACorrectionOfTheSameEventAndForgetATombstone() {
        serve(new WordVectorModel(1, Set.of()), false);
        memory.remember(List.of(entry("e-1", "works fine", "neg")), Set.of());
        memory.remember(List.of(entry("e-1", "works fine", "pos")), Set.of());

        assertThat(classifier
                        .classify(List.of("works fine"))
                        .predictions()
                        .get(0)
                        .label())
                .isEqualTo("pos");

        memory.remember(List.of(), Set.of("e-1"));

        assertThat(classifier
                        .classify(List.of("works fine"))
                        .predictions()
                        .get(0)
                        .fromMemory())
                .isFalse();
        assertThat(memory.size()).isZero();
    }

    @Test
    void shouldForgetTheOldestBeyondCapacity() {
        serve(new WordVectorModel(1, Set.of()), false);
        memory.remember(List.of(entry("e-1", "one alpha", "pos"), entry("e-2", "two beta", "pos")), Set.of());
        memory.remember(List.of(entry("e-3", "three gamma", "pos"), entry("e-4", "four delta", "pos")), Set.of());

        List<Prediction> answers = classifier
                .classify(List.of("one alpha", "two beta", "four delta"))
                .predictions();

        assertThat(answers).extracting(Prediction::fromMemory).containsExactly(false, true, true);
        assertThat(memory.size()).isEqualTo(3);
        assertThat(metrics.memoryEvictions()).isEqualTo(1);
        assertThat(metrics.memoryEntries()).isEqualTo(3);
    }

    @Test
    void shouldRetireWhatANewPromotedVersionHasLearnedAndReembedTheRest() {
        serve(new WordVectorModel(1, Set.of()), true);
        memory.remember(List.of(entry("e-1", "superb screen", "pos"), entry("e-2", "lovely colours", "pos")), Set.of());
        WordVectorModel v2 = new WordVectorModel(2, Set.of("superb"));

        serve(v2, true);

        assertThat(memory.size()).isEqualTo(1);
        assertThat(metrics.memoryRetirements()).isEqualTo(1);
        assertThat(v2.textsEmbedded()).isGreaterThanOrEqualTo(2);
        ClassifiedBatch batch = classifier.classify(List.of("superb screen", "lovely colours"));
        assertThat(batch.modelVersion()).isEqualTo(2);
        assertThat(batch.predictions()).extracting(Prediction::fromMemory).containsExactly(false, true);
        assertThat(batch.predictions()).extracting(Prediction::label).containsExactly("pos", "pos");
    }

    @Test
    void shouldNotRememberACorrectionThePromotedVersionInServiceAlreadyGetsRight() {
        serve(new WordVectorModel(1, Set.of("superb")), true);

        memory.remember(List.of(entry("e-1", "superb screen", "pos"), entry("e-2", "dull screen", "pos")), Set.of());

        assertThat(memory.size()).isEqualTo(1);
        assertThat(metrics.memoryRetirements()).isEqualTo(1);
    }

    @Test
    void shouldRetireNothingForAPinnedVersionThatIsNotPromoted() {
        serve(new WordVectorModel(1, Set.of()), true);
        memory.remember(List.of(entry("e-1", "superb screen", "pos")), Set.of());

        serve(new WordVectorModel(2, Set.of("superb")), false);

        assertThat(memory.size()).isEqualTo(1);
        assertThat(classifier
                        .classify(List.of("superb screen"))
                        .predictions()
                        .get(0)
                        .fromMemory())
                .isTrue();
    }

    @Test
    void shouldEmbedACorrectionArrivingBetweenLoadAndSwapWithBothVersions() {
        serve(new WordVectorModel(1, Set.of()), false);
        WordVectorModel v2 = new WordVectorModel(2, Set.of());
        ModelTarget target = target(2, false);
        memory.loaded(target, v2);

        memory.remember(List.of(entry("e-1", "arrived late and scratched", "neg")), Set.of());
        assertThat(classifier
                        .classify(List.of("arrived late and scratched"))
                        .predictions()
                        .get(0)
                        .fromMemory())
                .isTrue();
        serving.swap(v2);
        memory.swapped(target, v2);

        assertThat(classifier
                        .classify(List.of("arrived late and scratched"))
                        .predictions()
                        .get(0)
                        .fromMemory())
                .isTrue();
    }

    private void serve(WordVectorModel model, boolean promoted) {
        ModelTarget target = target(model.version(), promoted);
        memory.loaded(target, model);
        serving.swap(model);
        memory.swapped(target, model);
    }

    private static ModelTarget target(long version, boolean promoted) {
        return new ModelTarget("sentiment", version, null, null, 0, promoted);
    }

    private static MemoryEntry entry(String id, String text, String label) {
        return new MemoryEntry(id, text, label, CORRECTED_AT);
    }
}
