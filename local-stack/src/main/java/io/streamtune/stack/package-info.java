/**
 * Runs a local Kafka broker (KRaft, single node) and a schema registry with the Confluent REST API as
 * separate operating-system processes on 127.0.0.1: start, health-check, stop, and topic creation.
 */
package io.streamtune.stack;
