package io.streamtune.cli.correct;

import io.streamtune.cli.client.ClientOptions;
import io.streamtune.cli.client.ClientSettings;
import io.streamtune.cli.client.CommandException;
import io.streamtune.cli.client.SendResults;
import io.streamtune.cli.input.BadLineException;
import io.streamtune.cli.input.InputFormat;
import io.streamtune.cli.input.InputRow;
import io.streamtune.cli.input.RowReader;
import io.streamtune.cli.models.ModelChoice;
import io.streamtune.cli.models.ModelVersionsTopic;
import io.streamtune.runtime.config.SharedKeys;
import io.streamtune.schemas.FeedbackKind;
import io.streamtune.schemas.LabelCorrection;
import io.streamtune.schemas.ModelVersion;
import io.streamtune.schemas.Topics;
import io.streamtune.schemas.versions.ModelVersionHistory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code streamtune correct}: one correction or a file of them. Every row is read and every label checked before
 * anything is sent, so a file with a bad line sends nothing and the message lists the bad lines.
 */
@Command(
        name = "correct",
        mixinStandardHelpOptions = true,
        description = {
            "Send label corrections: 'correct EVENT_ID LABEL' or 'correct --file FILE' (JSON Lines or CSV with"
                    + " eventId,label and optional text,annotator,previousLabel,kind).",
            "--kind says what the label is: a correction of a wrong prediction (default), a confirmation of a"
                    + " right one, or an audit (the label of an item drawn at random for review, which the trainer"
                    + " keeps out of training to measure accuracy without bias).",
            "Labels are checked against the labels of the model version in service (latest PROMOTED on"
                    + " model-versions), or against --labels. A file with any bad line sends nothing."
        })
public final class CorrectCommand implements Callable<Integer> {

    private static final int MAX_REPORTED = 10;

    @Parameters(index = "0", arity = "0..1", paramLabel = "EVENT_ID", description = "Id of the event to correct.")
    String eventId;

    @Parameters(index = "1", arity = "0..1", paramLabel = "LABEL", description = "The right label.")
    String label;

    @Option(names = "--file", paramLabel = "FILE", description = "JSON Lines or CSV file of corrections.")
    Path file;

    @Option(names = "--format", paramLabel = "FORMAT", description = "JSONL or CSV (default: from the file name).")
    InputFormat format;

    @Option(names = "--text", paramLabel = "TEXT", description = "The event's text, when known.")
    String text;

    @Option(names = "--previous-label", paramLabel = "LABEL", description = "The label being replaced, when known.")
    String previousLabel;

    @Option(
            names = "--annotator",
            paramLabel = "NAME",
            description = "Who corrects (default: the user name, for rows without one).")
    String annotator = System.getProperty("user.name", "cli");

    @Option(
            names = "--kind",
            paramLabel = "KIND",
            description = "correction|confirmation|audit (default: correction, for rows without a kind).")
    String kind = "correction";

    @Option(
            names = "--labels",
            paramLabel = "L1,L2",
            split = ",",
            description = "Check labels against this set instead of the model in service.")
    List<String> labels;

    @Option(
            names = "--model",
            paramLabel = "NAME",
            description = "Model name (default: model.name of --config, else the only one on the topic).")
    String model;

    @Option(
            names = "--topic",
            paramLabel = "TOPIC",
            description = "Corrections topic (default: topic.label.corrections of --config, else "
                    + Topics.LABEL_CORRECTIONS + ").")
    String topic;

    @Option(
            names = "--versions-topic",
            paramLabel = "TOPIC",
            description = "Model versions topic (default: topic.model.versions of --config, else "
                    + Topics.MODEL_VERSIONS + ").")
    String versionsTopic;

    @Mixin
    ClientOptions client;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        FeedbackKind defaultKind =
                KindName.parse(kind).orElseThrow(() -> new CommandException(KindName.problem("--kind", kind)));
        topic = client.topic(topic, SharedKeys.TOPIC_LABEL_CORRECTIONS, Topics.LABEL_CORRECTIONS);
        versionsTopic = client.topic(versionsTopic, SharedKeys.TOPIC_MODEL_VERSIONS, Topics.MODEL_VERSIONS);
        ClientSettings settings = client.settings();
        List<LabelCorrection> corrections =
                file != null ? readFileChecked(settings, defaultKind) : List.of(single(settings, defaultKind));
        SendResults results = new SendResults();
        try (KafkaProducer<String, LabelCorrection> producer = settings.producer()) {
            for (LabelCorrection correction : corrections) {
                producer.send(new ProducerRecord<>(topic, correction.getEventId(), correction), results);
            }
            producer.flush();
        }
        results.check(topic);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Sent %d correction%s to %s.%n", results.acknowledged(), corrections.size() == 1 ? "" : "s", topic);
        out.flush();
        return 0;
    }

    private LabelCorrection single(ClientSettings settings, FeedbackKind defaultKind) {
        if (eventId == null || label == null) {
            throw new CommandException("give EVENT_ID and LABEL, or --file FILE");
        }
        LabelSet known = labelSet(settings);
        known.problem(label).ifPresent(problem -> {
            throw new CommandException(problem + " " + known.known() + " for " + known.origin());
        });
        return new CorrectionRows(annotator, defaultKind, Instant.now())
                .correction(eventId, label, text, annotator, previousLabel, defaultKind);
    }

    private List<LabelCorrection> readFileChecked(ClientSettings settings, FeedbackKind defaultKind) {
        if (eventId != null || label != null) {
            throw new CommandException("give either EVENT_ID LABEL or --file, not both");
        }
        List<InputRow> rows = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        CorrectionRows reader = new CorrectionRows(annotator, defaultKind, Instant.now());
        List<LabelCorrection> corrections = new ArrayList<>();
        try (RowReader file = RowReader.open(this.file, format)) {
            while (true) {
                try {
                    Optional<InputRow> row = file.next();
                    if (row.isEmpty()) {
                        break;
                    }
                    corrections.add(reader.toCorrection(row.get()));
                    rows.add(row.get());
                } catch (BadLineException e) {
                    problems.add(new Problem(e.line(), e.getMessage()));
                }
            }
        }
        LabelSet known = labelSet(settings);
        for (int i = 0; i < corrections.size(); i++) {
            long line = rows.get(i).line();
            known.problem(corrections.get(i).getLabel())
                    .ifPresent(problem -> problems.add(
                            new Problem(line, this.file + ": " + problem + " on line " + line + " " + known.known())));
        }
        if (!problems.isEmpty()) {
            throw new CommandException(report(problems, known));
        }
        return corrections;
    }

    /** A bad line of the file. */
    private record Problem(long line, String message) {}

    private String report(List<Problem> problems, LabelSet known) {
        List<String> messages = problems.stream()
                .sorted(Comparator.comparingLong(Problem::line))
                .map(Problem::message)
                .limit(MAX_REPORTED)
                .toList();
        StringBuilder message = new StringBuilder(String.join(System.lineSeparator(), messages));
        if (problems.size() > MAX_REPORTED) {
            message.append(System.lineSeparator())
                    .append("... and ")
                    .append(problems.size() - MAX_REPORTED)
                    .append(" more");
        }
        message.append(System.lineSeparator())
                .append("Nothing was sent (")
                .append(problems.size())
                .append(" bad line")
                .append(problems.size() == 1 ? "" : "s")
                .append("; labels of ")
                .append(known.origin())
                .append(").");
        return message.toString();
    }

    private LabelSet labelSet(ClientSettings settings) {
        if (labels != null && !labels.isEmpty()) {
            return new LabelSet(labels.stream().map(String::strip).toList(), "--labels");
        }
        ModelVersionHistory history = ModelVersionsTopic.read(settings, versionsTopic, Duration.ofSeconds(30));
        ModelVersion serving;
        try {
            String name = ModelChoice.resolve(history, client.model(model), versionsTopic);
            serving = ModelChoice.inService(history, name, versionsTopic).record();
        } catch (CommandException e) {
            throw new CommandException(e.getMessage() + "; to check labels against a given set use --labels L1,L2", e);
        }
        return new LabelSet(serving.getLabels(), serving.getModelName() + " v" + serving.getVersion());
    }
}
