/**
 * Kafka serializers, deserializers and Streams serdes for the Avro contracts in the Confluent wire format (magic
 * byte 0, 4-byte big-endian schema id, Avro binary), with subjects named after the topic.
 */
package io.streamtune.schemas.serde;
