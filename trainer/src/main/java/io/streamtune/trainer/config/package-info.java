/**
 * The trainer's one typed, validated configuration: read from a properties file, overridden by environment
 * variables, completed by defaults; Kafka client settings pass through under {@code kafka.*}.
 */
package io.streamtune.trainer.config;
