package io.streamtune.classifier.violation;

import io.streamtune.trainer.config.TrainerConfig;

/** Fixture of LayeringRulesTest: a classifier class that imports the trainer. */
public final class ImportsTrainer {

    private ImportsTrainer() {}

    static String describe(TrainerConfig config) {
        return config.toString();
    }
}
