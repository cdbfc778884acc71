/**
 * Synchronous inference over HTTP in the Open Inference Protocol (KServe V2 REST): health, model metadata and ready,
 * and infer on texts given as a BYTES input, served on the operations port with the stream's own classifier.
 */
package io.streamtune.classifier.openinference;
