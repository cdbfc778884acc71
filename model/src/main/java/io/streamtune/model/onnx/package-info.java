/**
 * Reads BERT weights out of an ONNX export without any ONNX dependency: a minimal protobuf wire reader,
 * the few {@code ModelProto} fields that hold weights, and their mapping to HuggingFace parameter names.
 */
package io.streamtune.model.onnx;
