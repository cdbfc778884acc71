package io.streamtune.classifier.deadletter;

/** Why a record was dead-lettered; the value of the {@link DeadLetterHeaders#REASON} header. */
public enum DeadLetterReason {
    /** The value bytes are not a readable Confluent wire format TextEvent (magic byte, schema id, truncation). */
    UNDESERIALIZABLE,
    /** The record has no value (a tombstone). */
    NULL_VALUE,
    /**
     * The record has a key that is not the event's id. An event's identity is its {@code id} field: send no key (the
     * classification is keyed by the id) or the id itself, never another key.
     */
    KEY_MISMATCH,
    /** The text is empty or only white space. */
    EMPTY_TEXT,
    /** The text is longer than the configured hard limit in UTF-8 bytes. */
    TEXT_TOO_LARGE,
    /** The model failed on this record even when retried alone. */
    INFERENCE_FAILED
}
