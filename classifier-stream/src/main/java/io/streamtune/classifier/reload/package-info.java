/**
 * Hot model reload: the served model is an immutable snapshot behind an {@code AtomicReference}; a watcher of the
 * compacted model-versions topic fetches, verifies, loads and warms up a newly promoted version, then swaps it in
 * (staggered by instance rank) while in-flight batches finish on the old one, which is closed after.
 */
package io.streamtune.classifier.reload;
