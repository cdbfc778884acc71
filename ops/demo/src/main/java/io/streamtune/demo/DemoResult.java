package io.streamtune.demo;

import io.streamtune.demo.loop.StreamedEvent;
import io.streamtune.demo.report.ClassifiedEvent;
import io.streamtune.demo.report.VersionDecision;
import io.streamtune.demo.report.WindowAccuracy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;

/**
 * What a demo run did and measured, as printed in its summary.
 *
 * @param runId the run's id
 * @param modelName the model trained and served
 * @param bootstrapServers the stack's broker
 * @param schemaRegistryUrl the stack's registry
 * @param stream the events planned, in order
 * @param sent the events sent
 * @param classified the first classification of each event, in arrival order
 * @param duplicates classifications of events already classified
 * @param windows accuracy per window
 * @param takeovers where each version began to classify
 * @param decisions every published version's decision (version 1 is the bootstrap)
 * @param servedAtEnd the version the classifier served at the end
 * @param corrections corrections sent
 * @param correctionsWithText of which carried the text
 * @param testBefore accuracy of version 1 on the test split, if scored
 * @param testAfter accuracy of {@code servedAtEnd} on the test split, if scored
 * @param files the summary text, the HTML chart and the PNG chart
 * @param elapsed the run's duration
 * @param cancelled whether it was stopped early
 */
public record DemoResult(
        String runId,
        String modelName,
        String bootstrapServers,
        String schemaRegistryUrl,
        List<StreamedEvent> stream,
        int sent,
        List<ClassifiedEvent> classified,
        int duplicates,
        List<WindowAccuracy> windows,
        List<WindowAccuracy.Takeover> takeovers,
        List<VersionDecision> decisions,
        long servedAtEnd,
        int corrections,
        int correctionsWithText,
        OptionalDouble testBefore,
        OptionalDouble testAfter,
        Files files,
        Duration elapsed,
        boolean cancelled) {

    /**
     * The files a run writes.
     *
     * @param summary the summary as text
     * @param html the chart as an HTML page with inline SVG
     * @param png the chart as a PNG
     */
    public record Files(Path summary, Path html, Path png) {}

    /** Wrong predictions among the classified events. */
    public long wrong() {
        return classified.stream().filter(event -> !event.correct()).count();
    }

    /** Accuracy over every classified event. */
    public double overallAccuracy() {
        return classified.isEmpty()
                ? Double.NaN
                : classified.stream().filter(ClassifiedEvent::correct).count() / (double) classified.size();
    }
}
