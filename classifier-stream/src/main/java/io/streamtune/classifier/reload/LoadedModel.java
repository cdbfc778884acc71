package io.streamtune.classifier.reload;

import io.streamtune.classifier.inference.Prediction;
import java.util.List;

/** One model version, loaded and warmed up, ready to classify; closed once when it is no longer served. */
public interface LoadedModel extends AutoCloseable {

    String name();

    long version();

    /**
     * Classifies texts; may be called from several threads at once.
     *
     * @return one prediction per text, in order
     */
    List<Prediction> classify(List<String> texts);

    @Override
    void close();
}
