/**
 * Rows of the files the commands read (JSON Lines or CSV with a header row), each with its file and line number so
 * that a bad line is reported where it is.
 */
package io.streamtune.cli.input;
