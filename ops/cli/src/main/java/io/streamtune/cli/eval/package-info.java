/**
 * {@code streamtune eval}: sends a labelled file through the live system under fresh event ids, reads back their
 * classifications, and reports accuracy, macro-F1, per-class metrics, the confusion matrix and end-to-end latency.
 */
package io.streamtune.cli.eval;
