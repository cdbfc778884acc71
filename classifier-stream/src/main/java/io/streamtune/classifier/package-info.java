/**
 * The classifier application: {@link io.streamtune.classifier.ClassifierApp} loads the configuration and starts a
 * {@link io.streamtune.classifier.ClassifierRuntime}, which wires the topology, the model reload and the operations
 * endpoint.
 */
package io.streamtune.classifier;
