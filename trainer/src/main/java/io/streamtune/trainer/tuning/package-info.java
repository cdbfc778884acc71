/**
 * The trainer's port to the model: fine-tune a candidate from the base or a stored version, and evaluate a stored
 * version on a holdout. Round logic depends on this interface only, so it is tested without PyTorch.
 */
package io.streamtune.trainer.tuning;
