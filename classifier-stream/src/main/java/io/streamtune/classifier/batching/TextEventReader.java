package io.streamtune.classifier.batching;

import io.streamtune.classifier.deadletter.DeadLetterReason;
import io.streamtune.schemas.TextEvent;
import io.streamtune.schemas.serde.WireFormatException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads an input value as a {@link TextEvent} and decides whether it can be classified. Bad bytes ({@link
 * WireFormatException}), a null value, a key that is present and is not the event's id, a text with nothing visible
 * in it ({@link VisibleText}) or a text over the size limit are rejected with a reason. An event's identity is its
 * {@code id}: a record with no key (or an empty one) is classified, and its classification is keyed by the id. Any
 * other exception (a schema registry that cannot be reached) is thrown: the bytes may be fine, so the task fails and,
 * under exactly-once, the record is read again after the restart instead of being dead-lettered.
 */
public final class TextEventReader {

    private final Deserializer<TextEvent> deserializer;
    private final int maxTextBytes;

    public TextEventReader(Deserializer<TextEvent> deserializer, int maxTextBytes) {
        this.deserializer = deserializer;
        this.maxTextBytes = maxTextBytes;
    }

    /** Reads and checks a record's key and value. */
    public Result read(String topic, Headers headers, byte[] key, byte[] value) {
        if (value == null) {
            return Result.rejected(DeadLetterReason.NULL_VALUE, "NullValue", "the record has no value");
        }
        TextEvent event;
        try {
            event = deserializer.deserialize(topic, headers, value);
        } catch (WireFormatException e) {
            return Result.rejected(
                    DeadLetterReason.UNDESERIALIZABLE, e.getClass().getName(), e.getMessage());
        }
        if (key != null && key.length > 0 && !event.getId().equals(new String(key, StandardCharsets.UTF_8))) {
            return Result.rejected(
                    DeadLetterReason.KEY_MISMATCH,
                    "KeyMismatch",
                    "the record key '" + new String(key, StandardCharsets.UTF_8) + "' is not the event id '"
                            + event.getId() + "' (send no key, or the event id)");
        }
        if (VisibleText.isAbsent(event.getText())) {
            return Result.rejected(
                    DeadLetterReason.EMPTY_TEXT,
                    "EmptyText",
                    "the text is empty or has only white space, control or invisible format characters");
        }
        int bytes = utf8LengthIfOverLimit(event.getText());
        if (bytes > maxTextBytes) {
            return Result.rejected(
                    DeadLetterReason.TEXT_TOO_LARGE,
                    "TextTooLarge",
                    "the text has " + bytes + " UTF-8 bytes, more than the limit of " + maxTextBytes);
        }
        return new Result(event, null, null, null);
    }

    /** The UTF-8 length, or 0 when the text is surely within the limit (a char takes at most 3 bytes). */
    private int utf8LengthIfOverLimit(String text) {
        if (text.length() * 3L <= maxTextBytes) {
            return 0;
        }
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * An event that can be classified, or why not.
     *
     * @param event the event, or null when rejected
     * @param reason why it was rejected, or null
     * @param failure the exception class or check name, or null
     * @param message what is wrong, or null
     */
    public record Result(TextEvent event, DeadLetterReason reason, String failure, String message) {

        static Result rejected(DeadLetterReason reason, String failure, String message) {
            return new Result(null, reason, failure, message);
        }

        public boolean accepted() {
            return event != null;
        }
    }
}
