package io.streamtune.model.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TrainingScheduleTest {

    @Test
    void shouldWarmUpLinearlyThenDecayLinearly() {
        WarmupLinearSchedule schedule = new WarmupLinearSchedule(1e-4f, 10, 100);

        assertThat(schedule.at(1)).isCloseTo(1e-5f, within(1e-10f));
        assertThat(schedule.at(5)).isCloseTo(5e-5f, within(1e-10f));
        assertThat(schedule.at(10)).isCloseTo(1e-4f, within(1e-10f));
        assertThat(schedule.at(11)).isCloseTo(1e-4f, within(1e-10f));
        assertThat(schedule.at(55)).isCloseTo(1e-4f * 46 / 90, within(1e-11f));
        assertThat(schedule.at(100)).isCloseTo(1e-4f / 90, within(1e-11f));
        assertThat(schedule.getNewValue("any-parameter", 10)).isEqualTo(schedule.at(10));
        assertThatThrownBy(() -> new WarmupLinearSchedule(1e-4f, -1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WarmupLinearSchedule(1e-4f, 10, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldWarmUpForAtLeastTenStepsSoThatAShortRunNeverStartsAtThePeak() {
        WarmupLinearSchedule twoSteps = WarmupLinearSchedule.forRun(1e-4f, 0.1f, 2);
        WarmupLinearSchedule thousandSteps = WarmupLinearSchedule.forRun(1e-4f, 0.1f, 1000);

        assertThat(twoSteps.at(1)).isCloseTo(1e-5f, within(1e-10f));
        assertThat(twoSteps.at(2)).isCloseTo(2e-5f, within(1e-10f));
        assertThat(WarmupLinearSchedule.forRun(1e-4f, 0f, 20).at(10)).isCloseTo(1e-4f, within(1e-10f));
        assertThat(thousandSteps.at(50)).isCloseTo(5e-5f, within(1e-10f));
        assertThat(thousandSteps.at(100)).isCloseTo(1e-4f, within(1e-10f));
    }

    @Test
    void shouldCoverEveryExampleOnceInShortPaddingBatchesAndRepeatWithSeed() {
        Random random = new Random(7);
        int[] lengths =
                IntStream.range(0, 1000).map(i -> 5 + random.nextInt(56)).toArray();

        List<int[]> epoch = new LengthBucketSampler(lengths, 16, 42L).nextEpoch();
        List<int[]> again = new LengthBucketSampler(lengths, 16, 42L).nextEpoch();

        assertThat(epoch).hasSize(63);
        assertThat(again).usingElementComparator(Arrays::compare).containsExactlyElementsOf(epoch);
        int[] all = epoch.stream().flatMapToInt(Arrays::stream).sorted().toArray();
        assertThat(all).containsExactly(IntStream.range(0, 1000).toArray());
        assertThat(paddedTokens(epoch, lengths)
                        / (double) Arrays.stream(lengths).sum())
                .isLessThan(1.05);
        assertThat(paddedTokens(shuffledBatches(16), lengths)
                        / (double) Arrays.stream(lengths).sum())
                .isGreaterThan(1.4);
    }

    @Test
    void shouldDrawNewOrderEachEpoch() {
        int[] lengths = IntStream.range(0, 200).map(i -> i % 30).toArray();
        LengthBucketSampler sampler = new LengthBucketSampler(lengths, 8, 1L);

        List<int[]> first = sampler.nextEpoch();
        List<int[]> second = sampler.nextEpoch();

        assertThat(Arrays.compare(first.get(0), second.get(0)) != 0 || Arrays.compare(first.get(1), second.get(1)) != 0)
                .isTrue();
    }

    @Test
    void shouldSplitHoldoutStratifiedAndRepeatably() {
        List<LabeledText> examples = new ArrayList<>();
        IntStream.range(0, 100).forEach(i -> examples.add(new LabeledText("n" + i, "neg")));
        IntStream.range(0, 50).forEach(i -> examples.add(new LabeledText("p" + i, "pos")));
        examples.add(new LabeledText("only one", "rare"));

        HoldoutSplit split = HoldoutSplit.of(examples, 0.1, 42L);

        assertThat(split.holdout()).hasSize(15);
        assertThat(split.holdout().stream().filter(e -> e.label().equals("pos")))
                .hasSize(5);
        assertThat(split.train()).hasSize(136).contains(new LabeledText("only one", "rare"));
        assertThat(split.train()).doesNotContainAnyElementsOf(split.holdout());
        assertThat(HoldoutSplit.of(examples, 0.1, 42L)).isEqualTo(split);
        assertThat(HoldoutSplit.of(examples, 0.1, 43L).holdout()).isNotEqualTo(split.holdout());
    }

    @Test
    void shouldRefuseInvalidConfigNamingTheField() {
        FineTuneConfig defaults = FineTuneConfig.defaults();

        assertThatThrownBy(() -> defaults.toBuilder().optMaxLength(513).build()).hasMessageContaining("maxLength");
        assertThatThrownBy(() -> defaults.toBuilder().optBatchSize(0).build()).hasMessageContaining("batchSize");
        assertThatThrownBy(() -> defaults.toBuilder().optLearningRate(0f).build())
                .hasMessageContaining("learningRate");
        assertThatThrownBy(() -> defaults.toBuilder().optEarlyStopping(1, 0).build())
                .hasMessageContaining("patience");
        assertThatThrownBy(() -> defaults.toBuilder().optMaxWindows(0).build()).hasMessageContaining("maxWindows");
        assertThatThrownBy(() -> defaults.toBuilder().optMinSteps(-1).build()).hasMessageContaining("minSteps");
        assertThat(defaults.tokenizerConfig().maxLength()).isEqualTo(64);
        assertThat(defaults.freezeWordEmbeddings()).isFalse();
        assertThat(defaults.toBuilder().optFreezeWordEmbeddings(true).build().freezeWordEmbeddings())
                .isTrue();
        assertThat(defaults.toBuilder().build()).isEqualTo(defaults);
    }

    @Test
    void shouldFreezeTheEmbeddingsAndTheLowestLayersOnly() {
        assertThat(ClassifierOptimizer.inFrozenLayers("bert.embeddings.word_embeddings.weight", 2))
                .isTrue();
        assertThat(ClassifierOptimizer.inFrozenLayers("bert.encoder.layer.1.output.dense.weight", 2))
                .isTrue();
        assertThat(ClassifierOptimizer.inFrozenLayers("bert.encoder.layer.2.output.dense.weight", 2))
                .isFalse();
        assertThat(ClassifierOptimizer.inFrozenLayers("bert.encoder.layer.11.output.dense.weight", 2))
                .isFalse();
        assertThat(ClassifierOptimizer.inFrozenLayers("classifier.weight", 6)).isFalse();
        assertThat(ClassifierOptimizer.inFrozenLayers("bert.embeddings.LayerNorm.weight", 0))
                .isFalse();
    }

    @Test
    void shouldExemptBiasesAndLayerNormFromWeightDecay() {
        assertThat(ClassifierOptimizer.decays("bert.encoder.layer.0.attention.self.query.weight"))
                .isTrue();
        assertThat(ClassifierOptimizer.decays("classifier.weight")).isTrue();
        assertThat(ClassifierOptimizer.decays("classifier.bias")).isFalse();
        assertThat(ClassifierOptimizer.decays("bert.embeddings.LayerNorm.weight"))
                .isFalse();
    }

    private static long paddedTokens(List<int[]> batches, int[] lengths) {
        long total = 0;
        for (int[] batch : batches) {
            int longest = Arrays.stream(batch).map(i -> lengths[i]).max().orElse(0);
            total += (long) longest * batch.length;
        }
        return total;
    }

    private static List<int[]> shuffledBatches(int batchSize) {
        List<Integer> order = new ArrayList<>(IntStream.range(0, 1000).boxed().toList());
        Collections.shuffle(order, new Random(3));
        List<int[]> batches = new ArrayList<>();
        for (int from = 0; from < order.size(); from += batchSize) {
            batches.add(order.subList(from, Math.min(order.size(), from + batchSize)).stream()
                    .mapToInt(Integer::intValue)
                    .toArray());
        }
        return batches;
    }
}
