package io.streamtune.model.training;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import io.streamtune.model.bert.GradientMode;
import java.util.Map;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Going back to saved values must work on trainable parameters (leaf tensors that require gradients), also on a
 * thread of its own: PyTorch's gradient mode is per thread and on by default in a new one (the trainer's rounds run on
 * such a thread).
 */
class ParameterSnapshotTest {

    @Test
    void shouldRestoreSavedValuesIntoTrainableParameters() {
        restoreAfterAnUpdate();
    }

    @Test
    void shouldRestoreOnAFreshThread() throws Exception {
        FutureTask<Void> task = new FutureTask<>(ParameterSnapshotTest::restoreAfterAnUpdate, null);
        Thread thread = new Thread(task, "fresh-thread");
        thread.start();
        task.get(1, TimeUnit.MINUTES);
    }

    @Test
    void shouldBlendTheCurrentValuesWithTheSavedOnes() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            Parameter weight = Parameter.builder()
                    .setName("weight")
                    .setType(Parameter.Type.WEIGHT)
                    .build();
            weight.setArray(manager.create(new float[] {1f, 2f, 3f}));
            weight.getArray().setRequiresGradient(true);

            try (ParameterSnapshot snapshot = ParameterSnapshot.of(Map.of("weight", weight), manager)) {
                GradientMode.withoutGradients(() -> weight.getArray().subi(2f)); // tuned to -1, 0, 1
                snapshot.blendInto(0.25f);
            }

            assertThat(weight.getArray().toFloatArray()).containsExactly(-0.5f, 0.5f, 1.5f);
            assertThat(weight.getArray().hasGradient()).isTrue();
        }
    }

    private static void restoreAfterAnUpdate() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            Parameter weight = Parameter.builder()
                    .setName("weight")
                    .setType(Parameter.Type.WEIGHT)
                    .build();
            NDArray values = manager.create(new float[] {1f, 2f, 3f});
            weight.setArray(values);
            weight.getArray().setRequiresGradient(true);

            try (ParameterSnapshot snapshot = ParameterSnapshot.of(Map.of("weight", weight), manager)) {
                try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
                    collector.backward(weight.getArray().mul(2f).sum());
                }
                NDArray gradient = weight.getArray().getGradient();
                GradientMode.withoutGradients(() -> weight.getArray().subi(gradient)); // as an optimizer does
                assertThat(weight.getArray().toFloatArray()).containsExactly(-1f, 0f, 1f);
                snapshot.restore();
            }

            assertThat(weight.getArray().toFloatArray()).containsExactly(1f, 2f, 3f);
            assertThat(weight.getArray().hasGradient()).isTrue();
        }
    }
}
