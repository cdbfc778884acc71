/**
 * The trainer application: loads its configuration, runs feedback ingestion and training rounds, or bootstraps
 * the first model version.
 */
package io.streamtune.trainer;
