/**
 * The wire contract of Streamtune: the Avro records generated from {@code src/main/avro}, the topic names
 * ({@link io.streamtune.schemas.Topics}) and the registry subject naming ({@link io.streamtune.schemas.Subjects}).
 */
package io.streamtune.schemas;
