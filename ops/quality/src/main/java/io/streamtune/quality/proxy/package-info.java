/**
 * The proxy tasks built from the project's labelled sentences: a seed to bootstrap on, a stream to correct, and a
 * test split, deterministic for a seed.
 */
package io.streamtune.quality.proxy;
