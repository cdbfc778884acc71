package io.streamtune.systemtests.badinput;

import io.streamtune.schemas.LabelCorrection;
import io.streamtune.schemas.serde.WireFormat;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * The label-corrections corpus, built from a seed: good id-only corrections of classified events and good ones with
 * text, hand-made bad ones with the dead-letter reason the trainer must give, and seeded random ones, shuffled.
 * Every record has its own key or event id (the unkeyed ones are matched by the event id in their value), so a
 * training-set record (keyed by event id, without the input's headers) names its input.
 */
final class CorrectionCorpus {

    static final String TRAINING_SET = "TRAINING_SET";
    static final String ANNOTATOR = "alice";

    private final Random random;
    private final Function<LabelCorrection, byte[]> serializer;
    private final int textEventSchemaId;
    private final List<Draft> drafts = new ArrayList<>();

    /**
     * @param serializer writes a LabelCorrection in the Confluent wire format (registering its schema)
     * @param textEventSchemaId the id of the TextEvent schema (a registered schema that is not a correction)
     */
    CorrectionCorpus(long seed, Function<LabelCorrection, byte[]> serializer, int textEventSchemaId) {
        this.random = new Random(seed);
        this.serializer = serializer;
        this.textEventSchemaId = textEventSchemaId;
    }

    /**
     * @param classifiedEvents ids of events the classifier has classified (for id-only corrections)
     * @param firstSequence the sequence number of the first record
     */
    List<CorpusRecord> build(List<String> classifiedEvents, int randomBodies, int mutations, int firstSequence) {
        for (String eventId : classifiedEvents) {
            add("good: id-only, event classified", eventId, correction(eventId, "pos", null, ANNOTATOR), TRAINING_SET);
        }
        goodWithText("good: with text, emoji", "great \ud83d\ude00\ud83d\udc4d");
        goodWithText("good: with text, Arabic", "\u0647\u0630\u0627 \u0645\u0645\u062a\u0627\u0632");
        goodWithText("good: with text, Hebrew", "\u05d6\u05d4 \u05de\u05e6\u05d5\u05d9\u05df");
        goodWithText("good: with text, control characters", "ok\u0000\u0007\u001b[0m fine");
        addInvalidCorrections();
        addBrokenBytes();
        for (int i = 0; i < randomBodies; i++) {
            byte[] payload = AvroBytes.randomBody(schemaId(), 1 + random.nextInt(64), random);
            add("random: bytes after a valid header", "rndc-" + i, payload, CorpusRecord.EITHER);
        }
        for (int i = 0; i < mutations; i++) {
            String eventId = "mutc-" + i;
            byte[] original =
                    correction(eventId, "neg", "a text to mutate " + i + " \u05e9\u05dc\u05d5\u05dd", ANNOTATOR);
            add("random: mutated valid payload", eventId, AvroBytes.mutated(original, random), CorpusRecord.EITHER);
        }
        Collections.shuffle(drafts, random);
        List<CorpusRecord> records = new ArrayList<>();
        for (Draft draft : drafts) {
            records.add(new CorpusRecord(
                    firstSequence + records.size(), draft.kind, draft.key, draft.value, draft.expected));
        }
        return records;
    }

    private void addInvalidCorrections() {
        invalid("unknown label", "maybe", ANNOTATOR, "UNKNOWN_LABEL");
        invalid("unknown label (case differs)", "POS", ANNOTATOR, "UNKNOWN_LABEL");
        invalid("unknown label (empty)", "", ANNOTATOR, "UNKNOWN_LABEL");
        invalid("annotator not on the allow-list", "pos", "mallory", "ANNOTATOR_NOT_ALLOWED");
        for (int i = 0; i < 3; i++) {
            String eventId = "never-classified-" + i;
            add(
                    "unknown event id (id-only, never classified)",
                    eventId,
                    correction(eventId, "pos", null, ANNOTATOR),
                    "EVENT_NEVER_SEEN");
        }
        add(
                "key is not the event id",
                "key-" + drafts.size(),
                correction("other-event", "pos", "a text", ANNOTATOR),
                "KEY_MISMATCH");
        drafts.add(new Draft(
                "no key (matched by its event id)",
                null,
                correction("no-key", "pos", "a text", ANNOTATOR),
                TRAINING_SET));
        drafts.add(new Draft(
                "empty key (matched by its event id)",
                new byte[0],
                correction("empty-key", "pos", "a text", ANNOTATOR),
                TRAINING_SET));
    }

    private void addBrokenBytes() {
        byte[] sample = correction("sample", "pos", "a sample", ANNOTATOR);
        add("null value (tombstone)", "null-value", null, "MALFORMED");
        add("zero bytes", "zero-bytes", new byte[0], "MALFORMED");
        add("no magic byte (plain text)", "plain-text", "pos".getBytes(StandardCharsets.UTF_8), "MALFORMED");
        add(
                "no magic byte (JSON)",
                "json",
                "{\"eventId\":\"json\",\"label\":\"pos\"}".getBytes(StandardCharsets.UTF_8),
                "MALFORMED");
        add("header only", "header-only", WireFormat.header(schemaId()), "MALFORMED");
        add(
                "unknown schema id",
                "unknown-id",
                AvroBytes.withSchemaId(sample, TextEventCorpus.UNKNOWN_SCHEMA_ID),
                "MALFORMED");
        add(
                "schema id of another record type",
                "other-type",
                AvroBytes.withSchemaId(sample, textEventSchemaId),
                "MALFORMED");
        for (int cut = 1; cut <= 3; cut++) {
            add("truncated payload", "truncated-" + cut, AvroBytes.truncated(sample, cut), "MALFORMED");
        }
    }

    private void goodWithText(String kind, String text) {
        String eventId = "txt-" + drafts.size();
        add(kind, eventId, correction(eventId, "neg", text, ANNOTATOR), TRAINING_SET);
    }

    private void invalid(String kind, String label, String annotator, String reason) {
        String eventId = "inv-" + drafts.size();
        add(kind, eventId, correction(eventId, label, "a text", annotator), reason);
    }

    private int schemaId() {
        return WireFormat.schemaId(correction("probe", "pos", null, ANNOTATOR));
    }

    byte[] correction(String eventId, String label, String text, String annotator) {
        return serializer.apply(LabelCorrection.newBuilder()
                .setEventId(eventId)
                .setLabel(label)
                .setText(text)
                .setAnnotator(annotator)
                .setCorrectedTime(Instant.now())
                .build());
    }

    private void add(String kind, String key, byte[] value, String expected) {
        drafts.add(new Draft(kind, key.getBytes(StandardCharsets.UTF_8), value, expected));
    }

    private record Draft(String kind, byte[] key, byte[] value, String expected) {}
}
