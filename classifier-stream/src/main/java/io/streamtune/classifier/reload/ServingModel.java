package io.streamtune.classifier.reload;

import io.streamtune.classifier.inference.BatchClassifier;
import io.streamtune.classifier.inference.ClassifiedBatch;
import io.streamtune.classifier.inference.ModelUnavailableException;
import io.streamtune.classifier.inference.ServedModel;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The model being served, as an immutable snapshot behind an {@link AtomicReference}. A batch takes the snapshot
 * current when it starts and keeps it to the end; {@link #swap} makes later batches use the new model, and the old
 * one is closed when its last batch is done. Batches carry the model's embeddings when it gives them.
 */
public final class ServingModel implements BatchClassifier {

    private final AtomicReference<ModelSnapshot> current = new AtomicReference<>();

    @Override
    public ClassifiedBatch classify(List<String> texts) {
        ModelSnapshot snapshot = acquire();
        try {
            return snapshot.model().classifyAndEmbed(texts);
        } finally {
            snapshot.release();
        }
    }

    /** Serves this model from the next batch on; the previous one is closed after its batches in flight. */
    public void swap(LoadedModel next) {
        ModelSnapshot previous = current.getAndSet(new ModelSnapshot(next));
        if (previous != null) {
            previous.release();
        }
    }

    /** The version served, if any. */
    public Optional<Long> servedVersion() {
        ModelSnapshot snapshot = current.get();
        return snapshot == null
                ? Optional.empty()
                : Optional.of(snapshot.model().version());
    }

    /** The version served, with its name and labels, if any. */
    public Optional<ServedModel> served() {
        ModelSnapshot snapshot = current.get();
        if (snapshot == null) {
            return Optional.empty();
        }
        LoadedModel model = snapshot.model();
        return Optional.of(new ServedModel(model.name(), model.version(), model.labels()));
    }

    /** Stops serving and closes the model once its batches are done. */
    public void close() {
        ModelSnapshot previous = current.getAndSet(null);
        if (previous != null) {
            previous.release();
        }
    }

    private ModelSnapshot acquire() {
        while (true) {
            ModelSnapshot snapshot = current.get();
            if (snapshot == null) {
                throw new ModelUnavailableException("no model is loaded yet");
            }
            if (snapshot.acquire()) {
                return snapshot;
            }
        }
    }
}
