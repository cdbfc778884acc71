package io.streamtune.model.bench;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamtune.model.base.BuiltInBase;
import io.streamtune.model.bert.BertEncoder;
import io.streamtune.model.bert.SentimentSentences;
import io.streamtune.model.tokenize.TextTokenizer;
import io.streamtune.model.tokenize.TokenBatch;
import io.streamtune.model.tokenize.TokenizedText;
import io.streamtune.model.tokenize.TokenizerConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The built-in bases against each other: encoder forward throughput (this DJL encoder, fused for inference,
 * tokenisation excluded) at seq 32/128 x batch 8/32, in one run. The bases alternate call by call, so load from
 * other processes hits both alike; throughput comes from the median call. Prints sentences per second, the ratio
 * bge-small / MiniLM, and the CPU model, and writes them as JSON.
 *
 * <p>Run (with {@code DJL_OFFLINE=true OPT_OUT_TRACKING=true OMP_WAIT_POLICY=PASSIVE} exported; the path is
 * relative to the working directory): {@code ./mvnw -q -pl model test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.streamtune.model.bench.BaseSpeedBenchmark -Dexec.args="model/target/base-speed.json"}. An
 * optional second argument is the seconds per base per cell (default 4).
 */
public final class BaseSpeedBenchmark {

    private static final int[] SEQS = {32, 128};
    private static final int[] BATCHES = {8, 32};
    private static final int WARMUP_CALLS = 3;
    private static final int MIN_CALLS = 5;

    private BaseSpeedBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/base-speed.json");
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 4;
        List<String> texts = SentimentSentences.load().texts();
        String cpu = cpuModel();
        List<Cell> cells = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager()) {
            Map<BuiltInBase, BertEncoder> encoders = new EnumMap<>(BuiltInBase.class);
            for (BuiltInBase base : BuiltInBase.values()) {
                BertEncoder encoder = base.loadEncoder(manager);
                encoder.prepareForInference(manager);
                encoders.put(base, encoder);
            }
            for (int seq : SEQS) {
                for (int batch : BATCHES) {
                    cells.add(measure(encoders, texts, batch, seq, seconds));
                }
            }
        }
        print(cells, cpu);
        write(cells, cpu, out);
    }

    private static Cell measure(
            Map<BuiltInBase, BertEncoder> encoders, List<String> texts, int batch, int seq, double seconds)
            throws IOException {
        Map<BuiltInBase, TokenBatch> inputs = new EnumMap<>(BuiltInBase.class);
        for (BuiltInBase base : encoders.keySet()) {
            inputs.put(base, fixedLengthBatch(base, texts, batch, seq));
        }
        Map<BuiltInBase, List<Long>> nanos = new EnumMap<>(BuiltInBase.class);
        encoders.keySet().forEach(base -> nanos.put(base, new ArrayList<>()));
        for (int i = 0; i < WARMUP_CALLS; i++) {
            encoders.forEach((base, encoder) -> forward(encoder, inputs.get(base)));
        }
        long deadline = System.nanoTime() + (long) (encoders.size() * seconds * 1e9);
        while (System.nanoTime() < deadline || nanos.get(BuiltInBase.DEFAULT).size() < MIN_CALLS) {
            encoders.forEach((base, encoder) -> {
                long start = System.nanoTime();
                forward(encoder, inputs.get(base));
                nanos.get(base).add(System.nanoTime() - start);
            });
        }
        Map<BuiltInBase, Double> rates = new EnumMap<>(BuiltInBase.class);
        nanos.forEach((base, calls) -> rates.put(base, batch * 1e9 / median(calls)));
        return new Cell(seq, batch, rates, nanos.get(BuiltInBase.DEFAULT).size());
    }

    /** Real sentences, each cut to at most {@code seq} tokens by the base's own tokenizer, padded to exactly seq. */
    private static TokenBatch fixedLengthBatch(BuiltInBase base, List<String> texts, int batch, int seq)
            throws IOException {
        try (TextTokenizer tokenizer = base.loadTokenizer(TokenizerConfig.ofMaxLength(seq))) {
            List<TokenizedText> rows = tokenizer.encodeAll(texts.subList(0, batch));
            return TokenBatch.packToLength(rows, IntStream.range(0, batch).toArray(), tokenizer.padId(), seq);
        }
    }

    private static void forward(BertEncoder encoder, TokenBatch batch) {
        try (NDManager scope = NDManager.newBaseManager()) {
            NDList tokens = batch.toNDList(scope);
            encoder.forward(new ParameterStore(scope, false), tokens, false)
                    .singletonOrThrow()
                    .toFloatArray();
        }
    }

    private static double median(List<Long> values) {
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }

    private static void print(List<Cell> cells, String cpu) {
        System.out.printf(
                "%nEncoder forward, sentences/s from the median call; fp32, DJL/PyTorch, CPU: %s, load average at"
                        + " the end: %s%n",
                cpu, loadAverage());
        System.out.println("| seq | batch | all-MiniLM-L6-v2 | bge-small-en-v1.5 | bge / MiniLM | calls each |");
        System.out.println("|---|---|---|---|---|---|");
        for (Cell cell : cells) {
            System.out.printf(
                    "| %d | %d | %.1f | %.1f | %.2f | %d |%n",
                    cell.seq(),
                    cell.batch(),
                    cell.rate(BuiltInBase.ALL_MINILM_L6_V2),
                    cell.rate(BuiltInBase.BGE_SMALL_EN_V1_5),
                    cell.ratio(),
                    cell.calls());
        }
    }

    private static void write(List<Cell> cells, String cpu, Path out) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("cpu", cpu);
        root.put("unit", "sentences/s");
        root.put("method", "bases alternate call by call; rate from the median call");
        root.put("omp_wait_policy", String.valueOf(System.getenv("OMP_WAIT_POLICY")));
        root.put("load_average_at_end", loadAverage());
        ArrayNode rows = root.putArray("results");
        for (Cell cell : cells) {
            ObjectNode row = rows.addObject().put("seq", cell.seq()).put("batch", cell.batch());
            cell.rates().forEach((base, rate) -> row.put(base.key(), rate));
            row.put("ratio_bge_to_minilm", cell.ratio()).put("calls", cell.calls());
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        json.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), root);
        System.out.println("Wrote " + out.toAbsolutePath());
    }

    /** {@code lscpu}'s model name: timings differ between Intel and AMD hosts of the same size. */
    private static String cpuModel() {
        try {
            Process lscpu =
                    new ProcessBuilder("lscpu").redirectErrorStream(true).start();
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(lscpu.getInputStream(), StandardCharsets.UTF_8))) {
                return lines.lines()
                        .filter(line -> line.startsWith("Model name:"))
                        .map(line -> line.substring("Model name:".length()).trim())
                        .findFirst()
                        .orElse("unknown");
            }
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private record Cell(int seq, int batch, Map<BuiltInBase, Double> rates, int calls) {
        double rate(BuiltInBase base) {
            return rates.get(base);
        }

        double ratio() {
            return rate(BuiltInBase.BGE_SMALL_EN_V1_5) / rate(BuiltInBase.ALL_MINILM_L6_V2);
        }
    }
}
