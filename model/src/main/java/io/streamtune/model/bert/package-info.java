/**
 * A BERT encoder with exactly the maths and parameter names of HuggingFace {@code BertModel}, built from
 * DJL blocks on the PyTorch engine, its loading (HuggingFace checkpoint folder, ONNX export) and a
 * sequence-classification head.
 */
package io.streamtune.model.bert;
