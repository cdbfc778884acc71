/**
 * The bad-input corpus: hand-made and seeded random records on every input topic of the classifier and of the
 * trainer's feedback ingestion, each of which must end up processed or dead-lettered with a reason, never lost.
 */
package io.streamtune.systemtests.badinput;
