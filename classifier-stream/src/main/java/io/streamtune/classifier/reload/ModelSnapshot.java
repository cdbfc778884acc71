package io.streamtune.classifier.reload;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loaded model and the count of its users: the holder's own reference plus one per batch in flight. The model is
 * closed when the count drops to zero, that is after it was swapped out and its last batch finished.
 */
final class ModelSnapshot {

    private final LoadedModel model;
    private final AtomicInteger references = new AtomicInteger(1);

    ModelSnapshot(LoadedModel model) {
        this.model = model;
    }

    LoadedModel model() {
        return model;
    }

    /** Takes a reference for one batch; false when the snapshot is already closed. */
    boolean acquire() {
        while (true) {
            int count = references.get();
            if (count == 0) {
                return false;
            }
            if (references.compareAndSet(count, count + 1)) {
                return true;
            }
        }
    }

    /** Gives a reference back; the last one closes the model. */
    void release() {
        if (references.decrementAndGet() == 0) {
            model.close();
        }
    }
}
