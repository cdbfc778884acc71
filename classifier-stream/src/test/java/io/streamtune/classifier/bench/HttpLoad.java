package io.streamtune.classifier.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

/**
 * Closed-loop HTTP clients of the infer path: each client sends one text per request and the next request when the
 * answer is in, and every request's latency is kept (microseconds). A non-200 answer fails the run.
 */
final class HttpLoad {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(4))
            .build();
    private final URI infer;
    private final List<String> texts;

    HttpLoad(URI infer, List<String> texts) {
        this.infer = infer;
        this.texts = texts;
    }

    /** Latencies of {@code clients} clients sending {@code requestsEach} requests each. */
    List<Long> run(int clients, int requestsEach) throws Exception {
        int[] left = new int[clients];
        Arrays.fill(left, requestsEach);
        return load(clients, client -> left[client]-- > 0);
    }

    /** Latencies of {@code clients} clients sending until {@code done} says so. */
    List<Long> runUntil(int clients, BooleanSupplier done) throws Exception {
        return load(clients, client -> !done.getAsBoolean());
    }

    private interface KeepGoing {
        boolean next(int client);
    }

    private List<Long> load(int clients, KeepGoing keepGoing) throws Exception {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                running.add(pool.submit(() -> {
                    for (int i = client; keepGoing.next(client); i += clients) {
                        latencies.add(send(texts.get(i % texts.size())));
                    }
                    return null;
                }));
            }
            for (Future<?> each : running) {
                each.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return new ArrayList<>(latencies);
    }

    private long send(String text) throws Exception {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode input =
                body.putArray("inputs").addObject().put("name", "text").put("datatype", "BYTES");
        input.putArray("shape").add(1);
        input.putArray("data").add(text);
        HttpRequest request = HttpRequest.newBuilder(infer)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        long start = System.nanoTime();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        long micros = (System.nanoTime() - start) / 1_000;
        if (response.statusCode() != 200) {
            throw new IllegalStateException("infer answered " + response.statusCode() + ": " + response.body());
        }
        return micros;
    }

    /** The value at a percentile (nearest rank) of latencies in microseconds, in milliseconds. */
    static double percentileMillis(List<Long> micros, int percent) {
        if (micros.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1)) / 1000.0;
    }
}
