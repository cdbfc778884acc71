/**
 * The pretrained BERT bases that ship on the classpath (all-MiniLM-L6-v2, bge-small-en-v1.5): which one to start
 * from, and its encoder and tokenizer, always from the same base.
 */
package io.streamtune.model.base;
