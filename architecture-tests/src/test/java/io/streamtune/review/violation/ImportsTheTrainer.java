package io.streamtune.review.violation;

import io.streamtune.trainer.config.TrainerConfig;

/** Fixture of LayeringRulesTest: a review workbench class that imports the trainer. */
public final class ImportsTheTrainer {

    private ImportsTheTrainer() {}

    static String describe(TrainerConfig config) {
        return config.toString();
    }
}
