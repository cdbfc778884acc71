/** The pipeline benchmark: end-to-end throughput and latency through Kafka against the raw model, in one run. */
package io.streamtune.classifier.bench;
