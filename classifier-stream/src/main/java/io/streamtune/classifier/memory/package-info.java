/**
 * The correction memory: corrected texts from the training set, embedded by the model in service, give their
 * corrected label at once to (nearly) identical texts, until a promoted version has learned them.
 */
package io.streamtune.classifier.memory;
