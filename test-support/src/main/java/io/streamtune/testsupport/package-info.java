/**
 * A JUnit 5 fixture, {@link io.streamtune.testsupport.KafkaStack}, that gives integration tests a real
 * Kafka broker and a real schema registry (Confluent REST API), shared by every test class of a JVM.
 */
package io.streamtune.testsupport;
