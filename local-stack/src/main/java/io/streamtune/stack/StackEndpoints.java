package io.streamtune.stack;

/**
 * Where clients reach a running stack.
 *
 * @param bootstrapServers the Kafka {@code bootstrap.servers} value
 * @param schemaRegistryUrl the Confluent-compatible schema registry base URL
 */
public record StackEndpoints(String bootstrapServers, String schemaRegistryUrl) {}
