/**
 * {@code streamtune bootstrap}: version 1 of a model from the user's labelled file, trained and published by the
 * trainer's own bootstrap, with a progress bar and the holdout report.
 */
package io.streamtune.cli.bootstrap;
