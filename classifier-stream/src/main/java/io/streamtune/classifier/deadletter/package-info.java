/**
 * Dead letters: a record that cannot be read or classified goes, with its original bytes, to the dead-letter topic
 * with the reason in headers, and the stream goes on.
 */
package io.streamtune.classifier.deadletter;
