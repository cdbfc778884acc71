package io.streamtune.demo;

import io.streamtune.demo.loop.StreamedEvent;
import io.streamtune.demo.report.ClassifiedEvent;
import io.streamtune.demo.report.VersionDecision;
import io.streamtune.demo.report.WindowAccuracy;
import io.streamtune.schemas.FeedbackKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What a demo run did and measured, as printed in its summary. Built with {@link #builder()}: what names the run
 * is required, what the loop measured is optional and defaults to a run whose loop never started.
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
 * @param reviewLabels labels sent from the review page ({@code --review}), by kind; empty without it
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
        Map<FeedbackKind, Long> reviewLabels,
        OptionalDouble testBefore,
        OptionalDouble testAfter,
        Files files,
        Duration elapsed,
        boolean cancelled) {

    /** @return a builder of a run that has not started its loop */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The files a run writes.
     *
     * @param summary the summary as text
     * @param html the chart as an HTML page with inline SVG
     * @param png the chart as a PNG
     */
    public record Files(Path summary, Path html, Path png) {

        /** The files of a run in its folder: {@code summary.txt}, {@code accuracy.html}, {@code accuracy.png}. */
        public static Files in(Path folder) {
            return new Files(
                    folder.resolve("summary.txt"), folder.resolve("accuracy.html"), folder.resolve("accuracy.png"));
        }
    }

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

    /**
     * Builds a {@link DemoResult}. Required: the run's id, model, stack, stream, files and duration. Defaults: no
     * event sent or classified, no decision, version 1 served at the end, no correction, no test score, not
     * cancelled.
     */
    public static final class Builder {
        private String runId;
        private String modelName;
        private String bootstrapServers;
        private String schemaRegistryUrl;
        private List<StreamedEvent> stream;
        private Files files;
        private Duration elapsed;
        private int sent;
        private List<ClassifiedEvent> classified = List.of();
        private List<WindowAccuracy> windows = List.of();
        private List<WindowAccuracy.Takeover> takeovers = List.of();
        private int duplicates;
        private List<VersionDecision> decisions = List.of();
        private long servedAtEnd = 1;
        private int corrections;
        private int correctionsWithText;
        private Map<FeedbackKind, Long> reviewLabels = Map.of();
        private OptionalDouble testBefore = OptionalDouble.empty();
        private OptionalDouble testAfter = OptionalDouble.empty();
        private boolean cancelled;

        private Builder() {}

        /**
         * @param id the run's id
         * @param model the model trained and served
         * @return this builder
         */
        public Builder setRun(String id, String model) {
            runId = id;
            modelName = model;
            return this;
        }

        /**
         * @param servers the stack's broker
         * @param registryUrl the stack's registry
         * @return this builder
         */
        public Builder setStack(String servers, String registryUrl) {
            bootstrapServers = servers;
            schemaRegistryUrl = registryUrl;
            return this;
        }

        /** @param events the events planned, in order */
        public Builder setStream(List<StreamedEvent> events) {
            stream = events;
            return this;
        }

        /** @param written the summary and the charts */
        public Builder setFiles(Files written) {
            files = written;
            return this;
        }

        /** @param duration how long the run took */
        public Builder setElapsed(Duration duration) {
            elapsed = duration;
            return this;
        }

        /** @param count the events sent */
        public Builder optSent(int count) {
            sent = count;
            return this;
        }

        /**
         * The classifications, with their accuracy per window and the events where each version took over.
         *
         * @param events the first classification of each event, in arrival order
         * @param window events per accuracy window
         * @param duplicateCount classifications of events already classified
         * @return this builder
         */
        public Builder optClassified(List<ClassifiedEvent> events, int window, int duplicateCount) {
            classified = events;
            windows = WindowAccuracy.of(events, window);
            takeovers = WindowAccuracy.takeovers(events);
            duplicates = duplicateCount;
            return this;
        }

        /**
         * @param published every published version's decision
         * @param served the version served at the end
         * @return this builder
         */
        public Builder optVersions(List<VersionDecision> published, long served) {
            decisions = published;
            servedAtEnd = served;
            return this;
        }

        /**
         * @param count corrections sent
         * @param withText of which carried the text
         * @return this builder
         */
        public Builder optCorrections(int count, int withText) {
            corrections = count;
            correctionsWithText = withText;
            return this;
        }

        /**
         * @param sent labels sent from the review page, by kind
         * @return this builder
         */
        public Builder optReviewLabels(Map<FeedbackKind, Long> sent) {
            reviewLabels = Map.copyOf(sent);
            return this;
        }

        /**
         * @param before version 1's accuracy on the test split, if scored
         * @param after the accuracy of the version served at the end, if scored
         * @return this builder
         */
        public Builder optTestScores(OptionalDouble before, OptionalDouble after) {
            testBefore = before;
            testAfter = after;
            return this;
        }

        /** @param stoppedEarly whether the run was cancelled */
        public Builder optCancelled(boolean stoppedEarly) {
            cancelled = stoppedEarly;
            return this;
        }

        /**
         * @return the result
         * @throws IllegalArgumentException naming the first required value not set
         */
        public DemoResult build() {
            required("runId", runId);
            required("modelName", modelName);
            required("bootstrapServers", bootstrapServers);
            required("schemaRegistryUrl", schemaRegistryUrl);
            required("stream", stream);
            required("files", files);
            required("elapsed", elapsed);
            return new DemoResult(
                    runId,
                    modelName,
                    bootstrapServers,
                    schemaRegistryUrl,
                    stream,
                    sent,
                    classified,
                    duplicates,
                    windows,
                    takeovers,
                    decisions,
                    servedAtEnd,
                    corrections,
                    correctionsWithText,
                    reviewLabels,
                    Objects.requireNonNull(testBefore, "testBefore"),
                    Objects.requireNonNull(testAfter, "testAfter"),
                    files,
                    elapsed,
                    cancelled);
        }

        private static void required(String name, Object value) {
            if (value == null) {
                throw new IllegalArgumentException(name + " is required");
            }
        }
    }
}
