/**
 * A client for the Confluent Schema Registry REST API (register, look up by id, latest by subject, compatibility),
 * with auth, TLS, timeouts, bounded retries and caches; plus an in-memory stand-in for topology unit tests.
 */
package io.streamtune.schemas.registry;
