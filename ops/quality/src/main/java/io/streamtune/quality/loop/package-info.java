/**
 * The simulated loop: the trainer's real bootstrap and rounds, a stream classified by the version in service, a
 * simulated annotator correcting mistakes, and the measurements along the way.
 */
package io.streamtune.quality.loop;
