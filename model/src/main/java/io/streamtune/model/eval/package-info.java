/**
 * Classification metrics from true and predicted labels: accuracy, macro-F1, per-class precision,
 * recall and F1, and the confusion matrix, as an immutable report.
 */
package io.streamtune.model.eval;
