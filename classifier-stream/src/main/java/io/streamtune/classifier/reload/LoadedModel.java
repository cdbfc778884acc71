package io.streamtune.classifier.reload;

import io.streamtune.classifier.inference.ClassifiedBatch;
import io.streamtune.classifier.inference.Prediction;
import java.util.List;

/** One model version, loaded and warmed up, ready to classify; closed once when it is no longer served. */
public interface LoadedModel extends AutoCloseable {

    String name();

    long version();

    /** The classes it chooses from, in its output order; empty when it does not say. */
    default List<String> labels() {
        return List.of();
    }

    /**
     * Classifies texts; may be called from several threads at once.
     *
     * @return one prediction per text, in order
     */
    List<Prediction> classify(List<String> texts);

    /**
     * Classifies texts and, when the model can, embeds them in the same pass (see {@link ClassifiedBatch#embeddings()});
     * may be called from several threads at once. A model that cannot embed returns no embeddings, and the correction
     * memory then stays out of its way.
     */
    default ClassifiedBatch classifyAndEmbed(List<String> texts) {
        return new ClassifiedBatch(name(), version(), classify(texts));
    }

    @Override
    void close();
}
