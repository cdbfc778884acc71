package io.streamtune.model.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainingMathsTest {

    @Test
    void shouldComputeMeanCrossEntropyByHand() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray logits = manager.create(new float[] {0f, 0f, 2f, 0f}, new Shape(2, 2));
            NDArray targets = manager.create(new long[] {0, 1});

            float loss = FineTuner.crossEntropy(logits, targets).getFloat();

            // row 1: -ln(1/2); row 2: -ln(e^0 / (e^2 + e^0)) = ln(1 + e^2)
            double expected = (Math.log(2) + Math.log(1 + Math.exp(2))) / 2;
            assertThat((double) loss).isCloseTo(expected, within(1e-6));
        }
    }

    @Test
    void shouldWeighEachExampleLossByItsClassWeight() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray logits = manager.create(new float[] {0f, 0f, 2f, 0f}, new Shape(2, 2));
            NDArray targets = manager.create(new long[] {0, 1});

            float equal = FineTuner.crossEntropy(logits, targets, manager.create(new float[] {2f, 2f}))
                    .getFloat();
            float weighted = FineTuner.crossEntropy(logits, targets, manager.create(new float[] {1f, 3f}))
                    .getFloat();

            assertThat(equal).isCloseTo(FineTuner.crossEntropy(logits, targets).getFloat(), within(1e-6f));
            double expected = (1 * Math.log(2) + 3 * Math.log(1 + Math.exp(2))) / 4;
            assertThat((double) weighted).isCloseTo(expected, within(1e-6));
        }
    }

    @Test
    void shouldWeighRareClassesUpAndKeepTheMeanWeightAtOne() {
        long[] counts = {90, 10, 0};

        float[] balanced = ClassWeighting.BALANCED.weights(counts);
        float[] sqrt = ClassWeighting.SQRT.weights(counts);

        assertThat(balanced[1] / balanced[0]).isCloseTo(9f, within(1e-4f));
        assertThat(sqrt[1] / sqrt[0]).isCloseTo(3f, within(1e-4f));
        assertThat(balanced[2]).isZero();
        assertThat(90 * balanced[0] + 10 * balanced[1]).isCloseTo(100f, within(1e-3f));
        assertThat(90 * sqrt[0] + 10 * sqrt[1]).isCloseTo(100f, within(1e-3f));
        assertThat(ClassWeighting.NONE.weights(counts)).containsExactly(1f, 1f, 0f);
    }

    @Test
    void shouldRunMoreEpochsUntilTheMinimumOfStepsIsReached() {
        FineTuneConfig config =
                FineTuneConfig.builder().optEpochs(2).optMinSteps(100).build();

        assertThat(config.epochsFor(10)).isEqualTo(10);
        assertThat(config.epochsFor(30)).isEqualTo(4);
        assertThat(config.epochsFor(200)).isEqualTo(2);
        assertThat(FineTuneConfig.defaults().epochsFor(1)).isEqualTo(2);
    }

    @Test
    void shouldZeroNonFiniteGradientsInPlace() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray gradient = manager.create(new float[] {Float.NaN, Float.POSITIVE_INFINITY, -3f, 2f});

            ClassifierOptimizer.zero(gradient);

            assertThat(gradient.toFloatArray()).containsExactly(0f, 0f, 0f, 0f);
        }
    }

    @Test
    void shouldRestoreSnapshotValuesInPlaceEvenOverNaN() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Linear linear = Linear.builder().setUnits(3).build();
            linear.initialize(manager, DataType.FLOAT32, new Shape(1, 4));
            Map<String, Parameter> parameters = new LinkedHashMap<>();
            linear.getParameters().forEach(pair -> parameters.put(pair.getKey(), pair.getValue()));
            NDArray weight = parameters.get("weight").getArray();
            float[] before = weight.toFloatArray();

            try (ParameterSnapshot snapshot = ParameterSnapshot.of(parameters, manager)) {
                weight.addi(1f).divi(0f).subi(weight);
                assertThat(weight.toFloatArray()[0]).isNaN();
                snapshot.restore();
            }

            assertThat(parameters.get("weight").getArray().toFloatArray()).containsExactly(before);
        }
    }
}
