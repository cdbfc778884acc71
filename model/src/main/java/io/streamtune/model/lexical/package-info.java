/**
 * The lexical half of a version: a softmax regression over hashed word unigrams and bigrams, trained beside BERT on
 * the same labels and fused with its logits, so that words the encoder dilutes (a long text's telling phrase, rare
 * names, spam tokens) still count.
 */
package io.streamtune.model.lexical;
