/**
 * The classifier's typed, validated configuration: a properties file, then {@code STREAMTUNE_*} environment
 * overrides, then defaults; {@code kafka.*} keys pass through to Kafka Streams and its clients untouched.
 */
package io.streamtune.classifier.config;
