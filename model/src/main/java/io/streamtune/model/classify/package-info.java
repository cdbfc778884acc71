/**
 * The inference API the applications use: {@link io.streamtune.model.classify.TextClassifier} (texts in,
 * labelled predictions with every class score out) and its DJL/PyTorch implementation.
 */
package io.streamtune.model.classify;
