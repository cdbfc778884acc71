/**
 * Micro-batching that is correct under exactly-once: accepted records wait in a change-logged state store until a
 * batch is full or a wall-clock punctuator fires, so a crash never loses nor duplicates one.
 */
package io.streamtune.classifier.batching;
