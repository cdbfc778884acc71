/**
 * Benchmarks (main classes, not tests): this DJL encoder against ONNX Runtime on the same weights, and
 * the ONNX Runtime reference they share with the parity test.
 */
package io.streamtune.model.bench;
