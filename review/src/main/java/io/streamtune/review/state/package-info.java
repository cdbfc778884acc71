/**
 * The workbench's state, held in Kafka only: it follows the classifications (its own partitions), the corrections
 * and the leases topic from their beginning, and writes leases and labels back.
 */
package io.streamtune.review.state;
