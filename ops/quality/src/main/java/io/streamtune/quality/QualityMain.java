package io.streamtune.quality;

import io.streamtune.model.classify.ClassifierSettings;
import io.streamtune.model.classify.OfflineEngine;
import io.streamtune.quality.loop.Annotator;
import io.streamtune.quality.loop.LoopSettings;
import io.streamtune.quality.loop.LoopSimulation;
import io.streamtune.quality.loop.RunResult;
import io.streamtune.quality.loop.Variant;
import io.streamtune.quality.proxy.Proxy;
import io.streamtune.quality.proxy.ProxyData;
import io.streamtune.quality.proxy.SentenceFile;
import io.streamtune.quality.proxy.SourceSentence;
import io.streamtune.quality.report.RunFiles;
import io.streamtune.quality.report.SummaryCsv;
import io.streamtune.quality.report.SummaryTable;
import io.streamtune.trainer.config.TrainerConfig;
import io.streamtune.trainer.tuning.DjlModelTuner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.kafka.common.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The {@code quality} command: runs the trainer's loop on the proxies for each seed, writes the curves, appends to
 * {@code summary.csv} and prints a table per proxy. Trailing {@code key=value} arguments override trainer settings.
 *
 * <pre>
 * quality --proxy few-labels --seeds 1,2 --stream 300 --label lr-1e-4 training.learning.rate=1e-4
 * quality chart --out curves.png uncertain=OUT/uncertain/few-labels-seed1-curve.csv arrival=OUT/arrival/...
 * </pre>
 *
 * <p>The {@code chart} subcommand ({@link ChartCommand}) draws the curves of earlier runs.
 */
@Command(
        name = "quality",
        mixinStandardHelpOptions = true,
        version = "quality 0.1.0",
        sortOptions = false,
        subcommands = ChartCommand.class,
        description = {
            "Measures how well the trainer's loop learns: bootstrap on a seed, stream events classified by the"
                    + " version in service, simulated corrections, real rounds; each proxy against a bag-of-words"
                    + " baseline on the same labels.",
            "Trailing KEY=VALUE arguments override trainer settings (e.g. training.learning.rate=1e-4)."
        })
public final class QualityMain implements Callable<Integer> {

    static final String DATA_FILE = "data/uci_sentiment.jsonl";

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--proxy",
            paramLabel = "NAME",
            defaultValue = "all",
            description = "six-class, long, few-labels or all (default: ${DEFAULT-VALUE}).")
    private String proxy;

    @Option(
            names = "--seeds",
            paramLabel = "SEED",
            split = ",",
            defaultValue = "1",
            description = "Run seeds: the proxy's sampling, the annotator and round.seed (default: ${DEFAULT-VALUE}).")
    private List<Long> seeds;

    @Option(
            names = "--stream",
            paramLabel = "N",
            defaultValue = "0",
            description = "Stream at most N events per run; 0 streams them all (default: ${DEFAULT-VALUE}).")
    private int stream;

    @Option(
            names = "--correct-share",
            paramLabel = "P",
            defaultValue = "0.5",
            description = "Probability that a wrong prediction is corrected (default: ${DEFAULT-VALUE}).")
    private double correctShare;

    @Option(
            names = "--annotator",
            paramLabel = "KIND",
            defaultValue = "arrival",
            description = "arrival (the model's mistakes in arrival order) or uncertain (the smallest-margin items of"
                    + " each review window, right or wrong) (default: ${DEFAULT-VALUE}).")
    private String annotator;

    @Option(
            names = "--budget",
            paramLabel = "N",
            defaultValue = "0",
            description = "Labels per review window for either annotator; 0 (arrival only) corrects a share of every"
                    + " mistake instead (default: ${DEFAULT-VALUE}).")
    private int budget;

    @Option(
            names = "--review-window",
            paramLabel = "N",
            defaultValue = "100",
            description = "Events classified before the annotator picks its budget (default: ${DEFAULT-VALUE}).")
    private int reviewWindow;

    @Option(
            names = "--audit-rate",
            paramLabel = "P",
            defaultValue = "0",
            description = "Share of streamed events audited (true label, never trained on) to estimate each"
                    + " version's accuracy; 0: no audit (default: ${DEFAULT-VALUE}).")
    private double auditRate;

    @Option(
            names = "--window",
            paramLabel = "N",
            defaultValue = "100",
            description = "Events per streaming-accuracy window (default: ${DEFAULT-VALUE}).")
    private int window;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = "target/quality",
            description = "Output folder; curves go to OUT/LABEL/ (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Option(
            names = "--label",
            paramLabel = "NAME",
            defaultValue = "default",
            description = "The variant's name in outputs (default: ${DEFAULT-VALUE}).")
    private String label;

    @Option(
            names = "--data",
            paramLabel = "FILE",
            description =
                    "The labelled sentences (default: $STREAMTUNE_HOME/" + DATA_FILE + ", else ./" + DATA_FILE + ").")
    private Path data;

    @Parameters(paramLabel = "KEY=VALUE", arity = "0..*", description = "Trainer setting overrides.")
    private List<String> overrides = new ArrayList<>();

    public static void main(String[] args) {
        OfflineEngine.enforce();
        System.exit(run(args));
    }

    /** Runs the command line; a bad setting or argument is one line on stderr and exit code 2. */
    static int run(String... args) {
        CommandLine commandLine = new CommandLine(new QualityMain());
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
            if (exception instanceof ConfigException || exception instanceof IllegalArgumentException) {
                line.getErr().println("quality: " + exception.getMessage());
                return 2;
            }
            throw exception;
        });
        return commandLine.execute(args);
    }

    @Override
    public Integer call() throws IOException {
        Variant variant = new Variant(label, Variant.parseOverrides(overrides));
        List<Proxy> proxies = Proxy.parse(proxy);
        loopSettings(0); // refuses a bad --correct-share, --window, --budget ... before any work
        if (stream < 0) {
            throw new IllegalArgumentException("--stream must be 0 (all) or more: " + stream);
        }
        List<SourceSentence> sentences = SentenceFile.read(dataFile());
        List<RunResult> results = new ArrayList<>();
        for (Proxy task : proxies) {
            for (long seed : seeds) {
                ProxyData proxyData = task.build(sentences, seed).withStreamCap(stream);
                RunResult result = runOnce(variant, proxyData, seed);
                RunFiles.write(out.resolve(variant.label()), result);
                SummaryCsv.append(out.resolve("summary.csv"), variant, result, Instant.now());
                results.add(result);
            }
        }
        spec.commandLine().getOut().println(SummaryTable.render(variant, results));
        spec.commandLine().getOut().flush();
        return 0;
    }

    private RunResult runOnce(Variant variant, ProxyData proxyData, long seed) throws IOException {
        Path store = Files.createTempDirectory("streamtune-quality-");
        try {
            TrainerConfig config = variant.configFor(proxyData.name(), proxyData.labels(), seed, store);
            ClassifierSettings inference = DjlModelTuner.inferenceSettings(config);
            return LoopSimulation.run(proxyData, config, new DjlModelTuner(inference), inference, loopSettings(seed));
        } finally {
            deleteTree(store);
        }
    }

    private LoopSettings loopSettings(long seed) {
        return new LoopSettings(
                seed, correctShare, window, Annotator.fromKey(annotator), budget, reviewWindow, auditRate);
    }

    private Path dataFile() {
        if (data != null) {
            return requireFile(data);
        }
        String home = System.getenv("STREAMTUNE_HOME");
        return requireFile(home == null ? Path.of(DATA_FILE) : Path.of(home).resolve(DATA_FILE));
    }

    private static Path requireFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no data file " + file.toAbsolutePath() + " (use --data FILE)");
        }
        return file;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
