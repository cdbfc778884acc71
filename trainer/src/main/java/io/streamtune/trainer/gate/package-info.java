/** The promotion gate: a candidate and the version in service, compared on the same holdout. */
package io.streamtune.trainer.gate;
