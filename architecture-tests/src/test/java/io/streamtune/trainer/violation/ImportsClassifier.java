package io.streamtune.trainer.violation;

import io.streamtune.classifier.config.ClassifierConfig;

/** Fixture of LayeringRulesTest: a trainer class that imports the classifier. */
public final class ImportsClassifier {

    private ImportsClassifier() {}

    static String describe(ClassifierConfig config) {
        return config.toString();
    }
}
