/**
 * The one package that knows the model module: it loads a verified version folder from the model store into the
 * DJL classifier and adapts it to the {@code reload} port.
 */
package io.streamtune.classifier.engine;
