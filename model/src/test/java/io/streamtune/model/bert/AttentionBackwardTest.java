package io.streamtune.model.bert;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.lang.ref.PhantomReference;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A training step's backward pass must not depend on when the JVM collects garbage. It did: the attention's
 * 1/sqrt(headSize) was a DJL scalar over a Java direct buffer, released right after the forward multiplication
 * but kept by autograd for the backward one; a collection in between freed it, and the query gradients were
 * computed with whatever the freed memory then held (the "Skipped step 4: gradient norm NaN" of the demo).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AttentionBackwardTest {

    /** Two layers of two heads of width 4; dropout off, so two passes over the same input agree exactly. */
    private static final BertConfig TINY = new BertConfig(50, 8, 2, 2, 16, 16, 2, 1e-12, 0.0, 0.0);

    private static final int SEED = 7;
    private static final int COLLECTIONS = 3;

    @Test
    void shouldComputeTheSameGradientsWhenGarbageIsCollectedBetweenForwardAndBackward() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            Map<String, float[]> undisturbed = gradients(manager, () -> {});

            Map<String, float[]> collected = gradients(manager, AttentionBackwardTest::collectGarbage);

            assertThat(collected).containsOnlyKeys(undisturbed.keySet());
            List<String> changed = undisturbed.keySet().stream()
                    .filter(name -> !Arrays.equals(collected.get(name), undisturbed.get(name)))
                    .toList();
            assertThat(changed).as("parameters whose gradients changed").isEmpty();
            assertThat(undisturbed.get("encoder.layer.1.attention.self.query.weight"))
                    .as("a query gradient to compare")
                    .isNotEqualTo(new float[TINY.hiddenSize() * TINY.hiddenSize()]);
        }
    }

    /** One forward and backward pass in training mode of a freshly seeded encoder, {@code between} in between. */
    private static Map<String, float[]> gradients(NDManager manager, Between between) throws Exception {
        Engine.getInstance().setRandomSeed(SEED);
        BertEncoder encoder = new BertEncoder(TINY);
        encoder.initialize(manager, 2, 5);
        try (NDManager step = manager.newSubManager()) {
            NDArray ids = step.create(new long[] {1, 7, 9, 2, 0, 1, 4, 4, 4, 2}, new Shape(2, 5));
            NDArray mask = step.create(new long[] {1, 1, 1, 1, 0, 1, 1, 1, 1, 1}, new Shape(2, 5));
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray hidden = encoder.forward(new ParameterStore(step, false), new NDList(ids, mask), true)
                        .singletonOrThrow();
                NDArray loss = hidden.square().sum();
                between.run();
                collector.backward(loss);
            }
            Map<String, float[]> gradients = new LinkedHashMap<>();
            encoder.namedParameters().forEach((name, parameter) -> {
                try (NDArray gradient = parameter.getArray().getGradient()) {
                    gradients.put(name, gradient.toFloatArray());
                }
            });
            return gradients;
        }
    }

    /**
     * Runs full collections until the reference handler has processed each of them, which is also when it frees
     * the memory of direct buffers nothing references any more.
     */
    private static void collectGarbage() throws InterruptedException {
        for (int i = 0; i < COLLECTIONS; i++) {
            ReferenceQueue<Object> queue = new ReferenceQueue<>();
            PhantomReference<Object> sentinel = new PhantomReference<>(new Object(), queue);
            System.gc();
            Reference<?> processed = queue.remove(TimeUnit.SECONDS.toMillis(10));
            assertThat(processed).as("collection %d processed", i).isSameAs(sentinel);
        }
    }

    @FunctionalInterface
    private interface Between {
        void run() throws Exception;
    }
}
