package io.streamtune.classifier.reload;

import io.streamtune.classifier.inference.Prediction;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** A loaded model that labels everything "v{version}" and can hold a batch until released. */
final class FakeModel implements LoadedModel {

    private final long version;
    private final CountDownLatch entered = new CountDownLatch(1);
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private volatile boolean closed;

    FakeModel(long version) {
        this.version = version;
    }

    @Override
    public String name() {
        return "sentiment";
    }

    @Override
    public long version() {
        return version;
    }

    @Override
    public List<Prediction> classify(List<String> texts) {
        if (closed) {
            throw new IllegalStateException("classify on a closed model");
        }
        entered.countDown();
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return texts.stream()
                .map(text -> new Prediction("v" + version, 1.0, Map.of("v" + version, 1.0), false))
                .toList();
    }

    @Override
    public void close() {
        closed = true;
    }

    boolean closed() {
        return closed;
    }

    /** Makes the next batches wait until {@link #release()}. */
    void hold() {
        gate = new CountDownLatch(1);
    }

    void release() {
        gate.countDown();
    }

    void awaitBatchStarted() throws InterruptedException {
        entered.await();
    }
}
