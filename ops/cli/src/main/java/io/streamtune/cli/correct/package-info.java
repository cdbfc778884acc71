/**
 * {@code streamtune correct}: label corrections, one from the command line or a file of them, each label checked
 * against the label set of the model version in service before anything is sent.
 */
package io.streamtune.cli.correct;
