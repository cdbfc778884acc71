/**
 * Fine-tuning a BERT sequence classifier on labelled texts: AdamW, warm-up and linear decay, gradient
 * clipping, early stopping on a holdout, a fixed seed, and a versioned artifact as the result.
 */
package io.streamtune.model.training;
