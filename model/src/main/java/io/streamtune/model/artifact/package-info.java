/**
 * Versioned model artifacts: one HuggingFace-compatible folder per version with a SHA-256 manifest,
 * written atomically, and a {@link io.streamtune.model.artifact.ModelStore} that verifies every
 * file before handing a version out.
 */
package io.streamtune.model.artifact;
