/**
 * The port between the stream and the model: classify a batch of texts and say which model version did it. The
 * topology depends only on this, so its tests need no PyTorch. {@link
 * io.streamtune.classifier.inference.CoalescingClassifier} lets every caller (stream threads, HTTP) share passes.
 */
package io.streamtune.classifier.inference;
