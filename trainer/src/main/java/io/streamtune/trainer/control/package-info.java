/**
 * The trainer's small HTTP surface: ask for a round on demand, health for probes, and metrics for Prometheus.
 */
package io.streamtune.trainer.control;
