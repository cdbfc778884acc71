/**
 * Turns raw texts into BERT-ready batches: HuggingFace WordPiece tokenisation, head + tail
 * truncation of long texts, dynamic padding and length grouping that remembers the original order.
 */
package io.streamtune.model.tokenize;
