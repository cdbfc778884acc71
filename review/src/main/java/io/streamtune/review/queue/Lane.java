package io.streamtune.review.queue;

/** Where a review item was drawn from; it decides what kind of feedback its label is. */
public enum Lane {
    /** Chosen because the model is unsure of it: its label is a correction or a confirmation. */
    UNCERTAIN,
    /** Drawn uniformly at random, never by score: its label is an audit, an unbiased sample of accuracy. */
    AUDIT
}
