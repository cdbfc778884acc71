package io.streamtune.classifier.openinference;

import io.streamtune.classifier.config.ClassifierConfig;
import java.util.Optional;

/**
 * The settings of the inference routes.
 *
 * @param modelName the one model served
 * @param maxLength the longest token window, reported in the metadata
 * @param maxTexts the most texts in one infer request
 * @param textMaxBytes the most UTF-8 bytes of one text (the stream's limit)
 * @param token the bearer token the model paths need, if any
 */
public record InferenceSettings(
        String modelName, int maxLength, int maxTexts, int textMaxBytes, Optional<String> token) {

    public static InferenceSettings from(ClassifierConfig config) {
        return new InferenceSettings(
                config.modelName(),
                config.modelMaxLength(),
                config.inferenceHttpMaxTexts(),
                config.textMaxBytes(),
                config.inferenceHttpToken());
    }

    InferenceLimits limits() {
        return new InferenceLimits(maxTexts, textMaxBytes);
    }
}
