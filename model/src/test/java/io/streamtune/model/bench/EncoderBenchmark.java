package io.streamtune.model.bench;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamtune.model.bert.BertCheckpoints;
import io.streamtune.model.bert.BertEncoder;
import io.streamtune.model.bert.MiniLmFixture;
import io.streamtune.model.bert.SentimentSentences;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * This DJL encoder against ONNX Runtime on the same all-MiniLM-L6-v2 weights: batch 1/8/32 x seq 32/128,
 * both engines alternating round by round in one run so that load from other processes hits both alike.
 * Prints a table of sentences per second and the DJL / ONNX Runtime ratio, and writes it as JSON.
 *
 * <p>Run: {@code ./mvnw -q -pl model exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.streamtune.model.bench.EncoderBenchmark -Dexec.args="target/encoder-benchmark.json"}.
 * Optional second argument: seconds per engine per cell (default 6).
 */
public final class EncoderBenchmark {

    private static final int[] BATCHES = {1, 8, 32};
    private static final int[] SEQS = {32, 128};
    private static final int ROUNDS = 5;

    private EncoderBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/encoder-benchmark.json");
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 6;
        int threads = Runtime.getRuntime().availableProcessors();
        List<String> texts = SentimentSentences.load().texts();
        List<Cell> cells = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager();
                OnnxRuntimeEncoder reference = OnnxRuntimeEncoder.miniLm(threads)) {
            BertEncoder encoder = BertCheckpoints.miniLm(manager);
            encoder.prepareForInference(manager);
            for (int seq : SEQS) {
                for (int batch : BATCHES) {
                    MiniLmFixture.Batch input = fixedLengthBatch(texts, batch, seq);
                    cells.add(measure(encoder, reference, input, seconds));
                }
            }
        }
        print(cells, threads);
        write(cells, threads, out);
    }

    private static Cell measure(
            BertEncoder encoder, OnnxRuntimeEncoder reference, MiniLmFixture.Batch input, double seconds)
            throws Exception {
        Runner djl = () -> runDjl(encoder, input);
        Runner ort = () -> reference.lastHiddenState(input.ids(), input.mask(), input.batch(), input.seq());
        double warmup = Math.max(0.5, seconds / ROUNDS);
        time(djl, warmup);
        time(ort, warmup);
        double djlTime = 0;
        double ortTime = 0;
        long djlCalls = 0;
        long ortCalls = 0;
        for (int round = 0; round < ROUNDS; round++) {
            Timing d = time(djl, seconds / ROUNDS);
            Timing o = time(ort, seconds / ROUNDS);
            djlTime += d.seconds();
            djlCalls += d.calls();
            ortTime += o.seconds();
            ortCalls += o.calls();
        }
        return new Cell(
                input.batch(), input.seq(), djlCalls * input.batch() / djlTime, ortCalls * input.batch() / ortTime);
    }

    private static float[] runDjl(BertEncoder encoder, MiniLmFixture.Batch input) {
        try (NDManager scope = NDManager.newBaseManager()) {
            Shape shape = new Shape(input.batch(), input.seq());
            NDList tokens = new NDList(scope.create(input.ids(), shape), scope.create(input.mask(), shape));
            return encoder.forward(new ParameterStore(scope, false), tokens, false)
                    .singletonOrThrow()
                    .toFloatArray();
        }
    }

    private static Timing time(Runner runner, double seconds) throws Exception {
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        long calls = 0;
        long now;
        do {
            runner.run();
            calls++;
            now = System.nanoTime();
        } while (now < deadline);
        return new Timing(calls, (now - start) / 1e9);
    }

    /** Real sentences, each padded or truncated to exactly {@code seq} tokens. */
    private static MiniLmFixture.Batch fixedLengthBatch(List<String> texts, int batch, int seq) {
        MiniLmFixture.Batch longest = MiniLmFixture.encode(texts.subList(0, Math.max(batch, 64)));
        long[] ids = new long[batch * seq];
        long[] mask = new long[batch * seq];
        for (int row = 0; row < batch; row++) {
            int copy = Math.min(seq, longest.seq());
            System.arraycopy(longest.ids(), row * longest.seq(), ids, row * seq, copy);
            System.arraycopy(longest.mask(), row * longest.seq(), mask, row * seq, copy);
            mask[row * seq] = 1;
        }
        return new MiniLmFixture.Batch(ids, mask, batch, seq);
    }

    private static void print(List<Cell> cells, int threads) {
        System.out.printf("%nEncoder throughput, sentences/s (all-MiniLM-L6-v2, fp32, %d threads)%n", threads);
        System.out.println("| seq | batch | DJL (this encoder) | ONNX Runtime | ratio |");
        System.out.println("|---|---|---|---|---|");
        for (Cell cell : cells) {
            System.out.printf(
                    "| %d | %d | %.1f | %.1f | %.2f |%n", cell.seq, cell.batch, cell.djl, cell.ort, cell.ratio());
        }
    }

    private static void write(List<Cell> cells, int threads, Path out) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("model", "all-MiniLM-L6-v2");
        root.put("threads", threads);
        root.put("unit", "sentences/s");
        ArrayNode rows = root.putArray("results");
        for (Cell cell : cells) {
            rows.addObject()
                    .put("seq", cell.seq)
                    .put("batch", cell.batch)
                    .put("djl", cell.djl)
                    .put("onnxruntime", cell.ort)
                    .put("ratio", cell.ratio());
        }
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        json.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), root);
        System.out.println("Wrote " + out.toAbsolutePath());
    }

    @FunctionalInterface
    private interface Runner {
        void run() throws Exception;
    }

    private record Timing(long calls, double seconds) {}

    private record Cell(int batch, int seq, double djl, double ort) {
        double ratio() {
            return djl / ort;
        }
    }
}
