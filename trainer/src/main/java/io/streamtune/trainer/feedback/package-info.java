/**
 * Feedback ingestion: an exactly-once Kafka Streams topology that turns label corrections into the durable,
 * compacted training set, joining id-only corrections with classified texts and dead-lettering bad ones.
 */
package io.streamtune.trainer.feedback;
