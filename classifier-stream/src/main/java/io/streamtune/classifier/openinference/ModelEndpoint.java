package io.streamtune.classifier.openinference;

import io.streamtune.classifier.inference.BatchClassifier;
import io.streamtune.classifier.inference.ClassifiedBatch;
import io.streamtune.classifier.inference.ModelUnavailableException;
import io.streamtune.classifier.inference.ServedModel;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The one model this instance serves, as the protocol sees it: its metadata, whether it is ready, and inference
 * through the stream's own {@link BatchClassifier}, so every answer comes from the snapshot the stream uses and
 * carries the version that decided. A request for another model or version is refused with 404; no model loaded yet
 * with 503.
 */
final class ModelEndpoint {

    private final String modelName;
    private final Supplier<Optional<ServedModel>> served;
    private final BatchClassifier classifier;
    private final int maxLength;

    ModelEndpoint(String modelName, Supplier<Optional<ServedModel>> served, BatchClassifier classifier, int maxLength) {
        this.modelName = modelName;
        this.served = served;
        this.classifier = classifier;
        this.maxLength = maxLength;
    }

    /** Whether the path's version (or any, when it names none) is loaded, so infer can answer. */
    boolean ready(ModelPath path) {
        checkName(path);
        Optional<ServedModel> current = served.get();
        return current.isPresent()
                && path.version().stream()
                        .allMatch(version -> version == current.get().version());
    }

    String metadata(ModelPath path) {
        return ModelMetadata.json(servedFor(path), maxLength);
    }

    /** Classifies the request's texts in one call of the classifier. */
    String infer(ModelPath path, InferenceRequest request) {
        ServedModel before = servedFor(path);
        ClassifiedBatch batch;
        try {
            batch = classifier.classify(request.texts());
        } catch (ModelUnavailableException e) {
            throw new RequestRefused(503, "model " + modelName + " is not loaded yet: " + e.getMessage());
        }
        OptionalLong asked = path.version();
        if (asked.isPresent() && asked.getAsLong() != batch.modelVersion()) {
            throw new RequestRefused(
                    409,
                    "version " + asked.getAsLong() + " was replaced by " + batch.modelVersion()
                            + " while the request was classified; ask again");
        }
        String id = request.id().orElseGet(() -> UUID.randomUUID().toString());
        List<String> labels = before.version() == batch.modelVersion() ? before.labels() : List.of();
        return InferenceResponse.json(request, id, batch, labels);
    }

    /** The served version, checked against the path's model name and version. */
    private ServedModel servedFor(ModelPath path) {
        checkName(path);
        ServedModel current = served.get()
                .orElseThrow(() -> new RequestRefused(503, "no version of model " + modelName + " is loaded yet"));
        OptionalLong asked = path.version();
        if (asked.isPresent() && asked.getAsLong() != current.version()) {
            throw new RequestRefused(
                    404,
                    "version " + asked.getAsLong() + " of model " + modelName
                            + " is not served; this instance serves version " + current.version());
        }
        return current;
    }

    private void checkName(ModelPath path) {
        if (!path.modelName().equals(modelName)) {
            throw new RequestRefused(
                    404, "unknown model '" + path.modelName() + "'; this instance serves '" + modelName + "'");
        }
    }
}
