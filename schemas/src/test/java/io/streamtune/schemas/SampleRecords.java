package io.streamtune.schemas;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/** One realistic record of every contract, for round-trip tests. */
public final class SampleRecords {

    private static final Instant EVENT_TIME = Instant.parse("2026-11-22T08:15:30.123Z");

    private SampleRecords() {}

    public static TextEvent textEvent(String id) {
        return TextEvent.newBuilder()
                .setId(id)
                .setText("My invoice was charged twice, please refund — ça ne va pas ✓")
                .setSource("support-email")
                .setEventTime(EVENT_TIME)
                .setAttributes(Map.of("customer", "c-42", "lang", "en"))
                .build();
    }

    public static Classification classification(String eventId) {
        return Classification.newBuilder()
                .setEventId(eventId)
                .setText("My invoice was charged twice")
                .setLabel("billing")
                .setConfidence(0.875)
                .setScores(Map.of("billing", 0.875, "shipping", 0.1, "other", 0.025))
                .setModelName("support-intent")
                .setModelVersion(7L)
                .setTruncated(false)
                .setEventTime(EVENT_TIME)
                .setClassifiedTime(EVENT_TIME.plusMillis(42))
                .setInferenceMillis(17L)
                .setQueueMillis(5L)
                .setBatchSize(8)
                .build();
    }

    public static LabelCorrection labelCorrection(String eventId) {
        return LabelCorrection.newBuilder()
                .setEventId(eventId)
                .setLabel("shipping")
                .setText("Where is my parcel?")
                .setAnnotator("alice")
                .setCorrectedTime(EVENT_TIME.plusSeconds(60))
                .setPreviousLabel("billing")
                .build();
    }

    /** A correction with both optional fields left null. */
    public static LabelCorrection bareLabelCorrection(String eventId) {
        return LabelCorrection.newBuilder()
                .setEventId(eventId)
                .setLabel("other")
                .setAnnotator("bob")
                .setCorrectedTime(EVENT_TIME)
                .build();
    }

    public static ModelVersion modelVersion(long version) {
        return ModelVersion.newBuilder()
                .setModelName("support-intent")
                .setVersion(version)
                .setParentVersion(version > 1 ? version - 1 : null)
                .setStatus(ModelStatus.CANDIDATE)
                .setArtifactUri("file:///var/lib/streamtune/models/support-intent/" + version + "/")
                .setSha256("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
                .setLabels(List.of("billing", "shipping", "other"))
                .setMetrics(Map.of("accuracy", 0.91, "macroF1", 0.88))
                .setTrainingSetSize(1234L)
                .setCreatedTime(EVENT_TIME)
                .build();
    }

    /** One record of each contract. */
    public static List<SpecificRecord> oneOfEach() {
        return List.of(
                textEvent("e-1"),
                classification("e-1"),
                labelCorrection("e-1"),
                bareLabelCorrection("e-2"),
                modelVersion(2));
    }
}
