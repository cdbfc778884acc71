/**
 * The learning-quality harness: runs the trainer's real bootstrap and rounds over a simulated stream of corrections
 * on proxy tasks and measures what they learn against a bag-of-words baseline. {@link QualityMain} is its command.
 */
package io.streamtune.quality;
