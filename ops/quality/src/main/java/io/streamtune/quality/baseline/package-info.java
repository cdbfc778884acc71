/** The bag-of-words baseline (Tribuo) that the fine-tuned BERT is measured against on the same labels. */
package io.streamtune.quality.baseline;
