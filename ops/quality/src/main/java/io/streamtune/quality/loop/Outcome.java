package io.streamtune.quality.loop;

/** What a step of the loop produced. */
public enum Outcome {
    /** The first version, trained on the seed. */
    BOOTSTRAP,
    /** A round whose candidate the gate promoted. */
    PROMOTED,
    /** A round whose candidate the gate rejected. */
    REJECTED,
    /** A round with nothing to train on (every new correction was held out); no candidate. */
    SKIPPED
}
