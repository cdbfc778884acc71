/**
 * {@code streamtune up}: the classifier and the trainer of one model in one process, from the one configuration
 * file, on the user's cluster or on the local stack, until Ctrl-C.
 */
package io.streamtune.cli.up;
