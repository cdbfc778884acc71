package io.streamtune.model.bert;

import ai.djl.pytorch.jni.JniUtils;
import java.util.function.Supplier;

/**
 * Runs work with PyTorch's gradient recording off on the calling thread.
 *
 * <p>PyTorch keeps its gradient mode per thread and turns it on in every new thread, so a forward pass on a Kafka
 * Streams or trainer thread would otherwise record an autograd graph it never uses, and writing into a trainable
 * parameter in place would be refused. The previous mode is put back afterwards, so this can be nested inside a
 * training step.
 */
public final class GradientMode {

    private GradientMode() {}

    /** Returns what {@code work} returns, computed without gradient recording. */
    public static <T> T withoutGradients(Supplier<T> work) {
        boolean previous = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try {
            return work.get();
        } finally {
            JniUtils.setGradMode(previous);
        }
    }

    /** Runs {@code work} without gradient recording. */
    public static void withoutGradients(Runnable work) {
        withoutGradients(() -> {
            work.run();
            return null;
        });
    }
}
