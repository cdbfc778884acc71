package io.streamtune.systemtests.badinput;

import io.streamtune.schemas.TextEvent;
import io.streamtune.schemas.serde.WireFormat;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * The text-events corpus, built from a seed: good events in many scripts, hand-made bad records with the dead-letter
 * reason each must get, and seeded random ones, shuffled so good and bad interleave.
 *
 * <p>Control characters inside a text are good input: the model's tokenizer copes with any character. A text with
 * nothing visible in it (only white space, Unicode spaces and separators, control characters such as NUL and BEL, or
 * invisible format characters such as zero-width spaces) is {@code EMPTY_TEXT}.
 * Invalid UTF-8 inside the Avro string is decoded with U+FFFD replacement characters and classified.
 */
final class TextEventCorpus {

    static final String CLASSIFIED = "CLASSIFIED";
    static final int TEXT_MAX_BYTES = 65_536;
    static final int UNKNOWN_SCHEMA_ID = 987_654;
    /** Good events besides the plain ones: scripts, control characters, sizes at the limit, invalid UTF-8. */
    static final int HAND_MADE_GOOD = 15;

    private final Random random;
    private final Function<TextEvent, byte[]> serializer;
    private final int otherSchemaId;
    private final List<Draft> drafts = new ArrayList<>();
    private int schemaId;

    /**
     * @param serializer writes a TextEvent in the Confluent wire format (registering its schema)
     * @param otherSchemaId the id of a registered schema that is not a TextEvent
     */
    TextEventCorpus(long seed, Function<TextEvent, byte[]> serializer, int otherSchemaId) {
        this.random = new Random(seed);
        this.serializer = serializer;
        this.otherSchemaId = otherSchemaId;
    }

    /** Builds the corpus: {@code good} plain events, the hand-made cases, and the seeded random ones. */
    List<CorpusRecord> build(int good, int randomBodies, int mutations) {
        schemaId = WireFormat.schemaId(valid("probe", "probe"));
        for (int i = 0; i < good; i++) {
            add("good: plain", "g-" + i, valid("g-" + i, (i % 2 == 0 ? "a good day " : "a bad day ") + i), CLASSIFIED);
        }
        addGoodScripts();
        addWhiteSpaceAndSizes();
        addKeys();
        addBrokenBytes();
        for (int i = 0; i < randomBodies; i++) {
            String key = "rnd-" + i;
            add(
                    "random: bytes after a valid header",
                    key,
                    AvroBytes.randomBody(schemaId, 1 + random.nextInt(64), random),
                    CorpusRecord.EITHER);
        }
        for (int i = 0; i < mutations; i++) {
            String key = "mut-" + i;
            byte[] original =
                    valid(key, "a mutated good text number " + i + " \u0645\u0631\u062d\u0628\u0627 \ud83d\ude00");
            add("random: mutated valid payload", key, AvroBytes.mutated(original, random), CorpusRecord.EITHER);
        }
        Collections.shuffle(drafts, random);
        List<CorpusRecord> records = new ArrayList<>();
        for (Draft draft : drafts) {
            records.add(new CorpusRecord(records.size(), draft.kind, draft.key, draft.value, draft.expected));
        }
        return records;
    }

    private void addGoodScripts() {
        goodText(
                "good: emoji",
                "good vibes \ud83d\ude00\ud83d\udc4d\ud83c\udffd \ud83d\udc68\u200d\ud83d\udc69\u200d\ud83d\udc67 \ud83c\uddeb\ud83c\uddf7");
        goodText(
                "good: Arabic (right-to-left)",
                "\u0647\u0630\u0627 \u0645\u0646\u062a\u062c \u0631\u0627\u0626\u0639 \u062c\u062f\u0627");
        goodText(
                "good: Hebrew (right-to-left)", "\u05d6\u05d4 \u05de\u05d5\u05e6\u05e8 \u05de\u05e6\u05d5\u05d9\u05df");
        goodText(
                "good: mixed direction with RLO/PDF marks",
                "good \u202e\u05e9\u05dc\u05d5\u05dd\u202c and \u200fabc\u200e");
        goodText(
                "good: combining characters",
                "cafe\u0301 na\u0308ive Z\u0351\u0352\u0353a\u0354\u0355l\u0356g\u0357o\u0358");
        goodText(
                "good: CJK and Devanagari",
                "\u8fd9\u4e2a\u4ea7\u54c1\u5f88\u597d \u092f\u0939 \u0905\u091a\u094d\u091b\u093e \u0939\u0948");
        goodText(
                "good: control characters inside text", "a\u0000b\u0007c\u001b[31mred\u001b[0m\u0008\u007f\u0085 good");
        goodText("good: lone surrogate in Java string", "half \ud83d pair");
    }

    private void addWhiteSpaceAndSizes() {
        badText("empty text", "", "EMPTY_TEXT");
        badText("white-space-only text", " \t\n\r\u000b\f\u001c", "EMPTY_TEXT");
        badText("Unicode-space-only text", "\u2003\u3000\u2028", "EMPTY_TEXT");
        badText("only non-white-space control characters", "\u0000\u0001\u0002\u0007", "EMPTY_TEXT");
        badText("only no-break / zero-width spaces", "\u00a0\u200b\u2007\ufeff", "EMPTY_TEXT");
        goodText("good: text exactly at the size limit", "x".repeat(TEXT_MAX_BYTES));
        goodText("good: 4-byte chars at the size limit", "\ud83d\ude00".repeat(TEXT_MAX_BYTES / 4));
        badText("text one byte over the size limit", "x".repeat(TEXT_MAX_BYTES + 1), "TEXT_TOO_LARGE");
        badText("text over the size limit in emoji", "\ud83d\ude00".repeat(TEXT_MAX_BYTES / 4 + 1), "TEXT_TOO_LARGE");
        badText("1 MB text (1,000,000 bytes)", "y".repeat(1_000_000), "TEXT_TOO_LARGE");
    }

    /** The event's identity is its id: no key or an empty one is classified (keyed by the id), another key is not. */
    private void addKeys() {
        drafts.add(new Draft("good: no key", null, valid("no-key", "a good text without a key"), CLASSIFIED));
        drafts.add(new Draft("good: empty key", new byte[0], valid("empty-key", "an empty key"), CLASSIFIED));
        add("key is not the event id", "key-" + drafts.size(), valid("other-id", "a text"), "KEY_MISMATCH");
    }

    private void addBrokenBytes() {
        byte[] sample = valid("sample", "a good sample");
        add("null value (tombstone)", "null-value", null, "NULL_VALUE");
        add("zero bytes", "zero-bytes", new byte[0], "UNDESERIALIZABLE");
        add(
                "no magic byte (plain text)",
                "plain-text",
                "not avro at all".getBytes(StandardCharsets.UTF_8),
                "UNDESERIALIZABLE");
        add(
                "no magic byte (JSON)",
                "json",
                "{\"id\":\"j\",\"text\":\"good\"}".getBytes(StandardCharsets.UTF_8),
                "UNDESERIALIZABLE");
        add("wrong magic byte 1", "magic-1", AvroBytes.withMagicByte(sample, (byte) 1), "UNDESERIALIZABLE");
        add("header only", "header-only", WireFormat.header(schemaId), "UNDESERIALIZABLE");
        add("unknown schema id", "unknown-id", AvroBytes.withSchemaId(sample, UNKNOWN_SCHEMA_ID), "UNDESERIALIZABLE");
        add(
                "schema id of another record type",
                "other-type",
                AvroBytes.withSchemaId(sample, otherSchemaId),
                "UNDESERIALIZABLE");
        for (int cut = 1; cut <= 3; cut++) {
            add("truncated payload", "truncated-" + cut, AvroBytes.truncated(sample, cut), "UNDESERIALIZABLE");
        }
        long now = Instant.now().toEpochMilli();
        add(
                "invalid UTF-8 in text (decoded with U+FFFD)",
                "utf8-1",
                AvroBytes.textEventWithRawText(
                        schemaId, "utf8-1", new byte[] {'o', 'k', (byte) 0xC3, '(', (byte) 0xFF}, now),
                CLASSIFIED);
        add(
                "invalid UTF-8 in text (decoded with U+FFFD)",
                "utf8-2",
                AvroBytes.textEventWithRawText(
                        schemaId, "utf8-2", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80, 'g'}, now),
                CLASSIFIED);
        add(
                "invalid UTF-8 in text (decoded with U+FFFD)",
                "utf8-3",
                AvroBytes.textEventWithRawText(schemaId, "utf8-3", new byte[] {(byte) 0xC0, (byte) 0x80}, now),
                CLASSIFIED);
    }

    private void goodText(String kind, String text) {
        String key = "h-" + drafts.size();
        add(kind, key, valid(key, text), CLASSIFIED);
    }

    private void badText(String kind, String text, String reason) {
        String key = "b-" + drafts.size();
        add(kind, key, valid(key, text), reason);
    }

    private byte[] valid(String id, String text) {
        return serializer.apply(TextEvent.newBuilder()
                .setId(id)
                .setText(text)
                .setSource("badinput")
                .setEventTime(Instant.now())
                .build());
    }

    private void add(String kind, String key, byte[] value, String expected) {
        drafts.add(new Draft(kind, key.getBytes(StandardCharsets.UTF_8), value, expected));
    }

    private record Draft(String kind, byte[] key, byte[] value, String expected) {}
}
