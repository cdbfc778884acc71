/**
 * Training rounds: when to start one, which examples it trains and evaluates on (deterministic holdout, seeded
 * replay of earlier data), and the loop that runs rounds while feedback ingestion goes on.
 */
package io.streamtune.trainer.round;
