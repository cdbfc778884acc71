/**
 * The operations endpoint: liveness, readiness (model loaded and streams RUNNING), the served model version, and
 * Prometheus metrics, on the JDK's built-in HTTP server.
 */
package io.streamtune.classifier.http;
