/**
 * The operations side every Streamtune app shares: one HTTP endpoint ({@link io.streamtune.runtime.ops.OperationsServer}:
 * liveness, readiness, JSON status, Prometheus metrics, and the app's own routes) and one way to write metrics
 * ({@link io.streamtune.runtime.ops.MetricsPage}, exposed by the Prometheus Java client's text format writer).
 */
package io.streamtune.runtime.ops;
