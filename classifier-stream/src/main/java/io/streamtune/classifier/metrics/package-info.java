/**
 * The classifier's own metrics (counters, gauges, histograms), thread-safe and cheap to update from stream threads;
 * the {@code http} package renders them with Kafka Streams' metrics in the Prometheus text format.
 */
package io.streamtune.classifier.metrics;
