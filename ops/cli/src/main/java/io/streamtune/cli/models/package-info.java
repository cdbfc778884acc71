/**
 * {@code streamtune models list|show|promote|rollback}: the compacted {@code model-versions} topic read with the
 * shared in-service rule ({@link io.streamtune.schemas.versions.ModelVersionHistory}), and promotion records
 * written so a running classifier and the trainer pick them up.
 */
package io.streamtune.cli.models;
