package io.streamtune.cli.bootstrap;

import io.streamtune.cli.client.ClientOptions;
import io.streamtune.cli.client.ClientSettings;
import io.streamtune.cli.client.CommandException;
import io.streamtune.cli.input.BadLineException;
import io.streamtune.cli.input.InputFormat;
import io.streamtune.cli.input.RowFilter;
import io.streamtune.cli.input.RowReader;
import io.streamtune.demo.DemoLogging;
import io.streamtune.runtime.config.ConfigSources;
import io.streamtune.trainer.Trainer;
import io.streamtune.trainer.config.TrainerConfig;
import io.streamtune.trainer.round.RoundOutcome;
import io.streamtune.trainer.tuning.DjlModelTuner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code streamtune bootstrap --data FILE --model NAME}: every row is read and checked first (nothing is trained or
 * published from a file with a bad row unless {@code --skip-bad}); the labels are those of the data; then the
 * trainer's own bootstrap ({@link Trainer#bootstrap}) fine-tunes, holds out a stratified share, stores version 1 and
 * publishes it PROMOTED with the examples as the training set's seed, in one transaction.
 */
@Command(
        name = "bootstrap",
        mixinStandardHelpOptions = true,
        description = {
            "Train version 1 of a model on a labelled JSON Lines or CSV file and publish it PROMOTED to"
                    + " model-versions, as the trainer's bootstrap does (model store, model-versions, the examples"
                    + " into the training set).",
            "The classes are the distinct labels of the file, sorted. A stratified share of each class is held"
                    + " out (trainer.round.holdout.fraction); its per-class precision, recall, F1 and confusion"
                    + " matrix are printed. A model that already has a version is refused.",
            "Training settings (trainer.training.*) come from the --config file when it is the apps' own file."
        })
public final class BootstrapCommand implements Callable<Integer> {

    /** Bad rows printed one by one; beyond these, only their number. */
    static final int PROBLEMS_SHOWN = 20;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Labelled JSON Lines or CSV file.")
    Path data;

    @Option(names = "--model", required = true, paramLabel = "NAME", description = "The model to create.")
    String model;

    @Option(names = "--format", paramLabel = "FORMAT", description = "JSONL or CSV (default: from the file name).")
    InputFormat format;

    @Option(
            names = "--text-field",
            paramLabel = "FIELD",
            description = "Field (CSV column) of the text (default ${DEFAULT-VALUE}).")
    String textField = "text";

    @Option(
            names = "--label-field",
            paramLabel = "FIELD",
            description = "Field (CSV column) of the label (default ${DEFAULT-VALUE}).")
    String labelField = "label";

    @Option(
            names = "--id-field",
            paramLabel = "FIELD",
            description = "Field of the example's id (default ${DEFAULT-VALUE}); a row without one is known by its"
                    + " file name and line.")
    String idField = "id";

    @Option(
            names = "--where",
            paramLabel = "FIELD=VALUE",
            description = "Use only rows with this field value, e.g. --where split=stream (repeatable).")
    List<String> where;

    @Option(names = "--skip-bad", description = "Skip bad rows (each is still reported) instead of refusing the file.")
    boolean skipBad;

    @Option(
            names = "--store",
            paramLabel = "DIR",
            description = "Model store root (default: model.store.root of --config, else "
                    + TrainerSettings.DEFAULT_STORE + ", as streamtune init writes it).")
    Path store;

    @Option(
            names = "--base",
            paramLabel = "NAME|DIR",
            description = "What version 1 is fine-tuned from: a built-in base (all-minilm-l6-v2, the trainer's"
                    + " default, or bge-small-en-v1.5) or a HuggingFace BERT checkpoint folder (default: the"
                    + " trainer.model.base(.path) of --config, else all-minilm-l6-v2).")
    String base;

    @Option(
            names = "--log",
            paramLabel = "FILE",
            description = "Where the trainer's log lines go (default: .streamtune/logs/bootstrap-<model>.log);"
                    + " warnings and errors reach the console too.")
    Path log;

    @Mixin
    ClientOptions client;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        LabelledRows.Read read = readAll();
        PrintWriter err = spec.commandLine().getErr();
        List<String> labels = read.labels();
        if (labels.size() < 2) {
            throw new CommandException(
                    data + (labels.isEmpty() ? " has no examples" : " has only the label '" + labels.get(0) + "'")
                            + ": a classifier needs at least two labels");
        }
        ClientSettings settings = client.settings();
        TrainerConfig config = TrainerSettings.config(settings, fileSettings(), model, labels, store, base);
        err.printf(
                "%d examples of %d classes %s from %s; version 1 of %s goes to %s and %s%n",
                read.examples().size(),
                labels.size(),
                labels,
                data,
                model,
                config.storeRoot(),
                config.topics().modelVersions());
        logToFile(err);
        RoundOutcome outcome = train(config, read);
        PrintWriter out = spec.commandLine().getOut();
        out.print(BootstrapReport.format(
                model,
                outcome.version(),
                labels,
                outcome.trainedOn(),
                outcome.holdout(),
                config.topics().modelVersions()));
        out.flush();
        return 0;
    }

    private LabelledRows.Read readAll() {
        LabelledRows.Read read;
        try (RowReader rows = RowReader.open(data, format)) {
            read = LabelledRows.read(
                    rows, new LabelledRows.Fields(textField, labelField, idField), RowFilter.parse(where));
        }
        List<BadLineException> problems = read.problems();
        if (problems.isEmpty()) {
            return read;
        }
        PrintWriter err = spec.commandLine().getErr();
        String prefix = skipBad ? "skipped " : "";
        problems.stream().limit(PROBLEMS_SHOWN).forEach(problem -> err.println(prefix + problem.getMessage()));
        if (problems.size() > PROBLEMS_SHOWN) {
            err.println("... and " + (problems.size() - PROBLEMS_SHOWN) + " more bad rows");
        }
        err.flush();
        if (!skipBad) {
            throw new CommandException(problems.size() + " bad row" + (problems.size() == 1 ? "" : "s") + " in "
                    + data + " (first: line " + problems.get(0).line() + "): nothing was trained or published;"
                    + " fix them, or pass --skip-bad to leave them out");
        }
        return read;
    }

    /** The trainer's INFO lines (its own holdout report among them) go to the file; the console keeps the bar. */
    private void logToFile(PrintWriter err) {
        Path file = log != null ? log : Path.of(".streamtune", "logs", "bootstrap-" + model + ".log");
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new CommandException("cannot create the folder of the log file " + file + ": " + e.getMessage(), e);
        }
        if (DemoLogging.toFile(file)) {
            err.println("trainer log: " + file);
        }
        err.flush();
    }

    private Map<String, String> fileSettings() {
        if (client.configFile() == null) {
            return Map.of();
        }
        try {
            return ConfigSources.readFile(client.configFile());
        } catch (ConfigException e) {
            throw new CommandException(e.getMessage(), e);
        }
    }

    private RoundOutcome train(TrainerConfig config, LabelledRows.Read read) {
        FineTuningBar bar = new FineTuningBar(spec.commandLine().getErr());
        try {
            return Trainer.bootstrap(config, DjlModelTuner.of(config), read.examples(), bar);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new CommandException(e.getMessage() + "; nothing was published", e);
        } catch (IOException e) {
            throw new CommandException(
                    "cannot write version 1 to the model store " + config.storeRoot() + ": " + e.getMessage(), e);
        } catch (KafkaException e) {
            throw new CommandException(
                    "cannot publish to " + config.kafkaSettings().get("bootstrap.servers") + ": " + e.getMessage(), e);
        } finally {
            bar.finish();
        }
    }
}
