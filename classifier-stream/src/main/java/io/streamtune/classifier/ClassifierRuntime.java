package io.streamtune.classifier;

import io.streamtune.classifier.config.ClassifierConfig;
import io.streamtune.classifier.http.MetricsRenderer;
import io.streamtune.classifier.inference.BatchClassifier;
import io.streamtune.classifier.inference.CoalescingClassifier;
import io.streamtune.classifier.memory.CorrectionMemory;
import io.streamtune.classifier.memory.MemoryClassifier;
import io.streamtune.classifier.memory.MemorySettings;
import io.streamtune.classifier.memory.TrainingSetFeeder;
import io.streamtune.classifier.metrics.ClassifierMetrics;
import io.streamtune.classifier.openinference.InferenceRoutes;
import io.streamtune.classifier.openinference.InferenceSettings;
import io.streamtune.classifier.reload.ModelLoader;
import io.streamtune.classifier.reload.ModelReloader;
import io.streamtune.classifier.reload.ModelVersionWatcher;
import io.streamtune.classifier.reload.ReloadListener;
import io.streamtune.classifier.reload.RetryBackoff;
import io.streamtune.classifier.reload.ServingModel;
import io.streamtune.classifier.reload.StreamsInstanceRank;
import io.streamtune.classifier.topology.ClassificationTopology;
import io.streamtune.classifier.topology.TopologySettings;
import io.streamtune.runtime.ops.OperationsServer;
import io.streamtune.schemas.Classification;
import io.streamtune.schemas.LabelCorrection;
import io.streamtune.schemas.ModelVersion;
import io.streamtune.schemas.TextEvent;
import io.streamtune.schemas.serde.ConfluentAvroDeserializer;
import io.streamtune.schemas.serde.ConfluentAvroSerde;
import io.streamtune.schemas.versions.ModelVersionsReader;
import java.io.IOException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running classifier instance: the operations endpoint (with inference over HTTP unless {@code
 * inference.http.enabled=false}, on the same classifier as the stream), the model-versions watcher (which must serve a first
 * model before anything is classified), the training-set feeder of the correction memory (unless {@code
 * memory.enabled=false}), then Kafka Streams. The topics must exist. {@link #close()} stops all of it
 * in reverse order.
 */
public final class ClassifierRuntime implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ClassifierRuntime.class);

    private final ClassifierConfig config;
    private final ClassifierMetrics metrics = new ClassifierMetrics();
    private final ServingModel serving = new ServingModel();
    private final AtomicReference<KafkaStreams> streams = new AtomicReference<>();
    private final CorrectionMemory memory;
    /**
     * The one classifier of the stream and of HTTP inference: the served model, its passes shared between callers
     * unless {@code batch.shared=false}, behind the correction memory if enabled.
     */
    private final BatchClassifier classifier;

    private OperationsServer http;
    private ModelVersionWatcher watcher;
    private TrainingSetFeeder feeder;
    private StreamsInstanceRank rank;

    private ClassifierRuntime(ClassifierConfig config) {
        this.config = config;
        this.memory = config.memoryEnabled()
                ? new CorrectionMemory(
                        new MemorySettings(config.memorySimilarityThreshold(), config.memoryMaxEntries()),
                        serving,
                        metrics,
                        InstantSource.system())
                : null;
        BatchClassifier model = config.batchShared()
                ? new CoalescingClassifier(serving, config.batchMaxRecords(), metrics::recordSharedPass)
                : serving;
        this.classifier = memory == null ? model : new MemoryClassifier(model, memory);
    }

    /**
     * Starts an instance and returns once Kafka Streams is started (not necessarily RUNNING yet).
     *
     * @param loader loads model versions
     * @param firstModelTimeout how long to wait for a first model to serve
     * @throws IllegalStateException if no model could be served in time
     */
    public static ClassifierRuntime start(ClassifierConfig config, ModelLoader loader, Duration firstModelTimeout)
            throws IOException, InterruptedException {
        ClassifierRuntime runtime = new ClassifierRuntime(config);
        try {
            runtime.startAll(loader, firstModelTimeout);
            return runtime;
        } catch (IOException | InterruptedException | RuntimeException e) {
            runtime.close();
            throw e;
        }
    }

    private void startAll(ModelLoader loader, Duration firstModelTimeout) throws IOException, InterruptedException {
        metrics.setDevice(loader.device());
        MetricsRenderer renderer = new MetricsRenderer(metrics, this::kafkaMetrics, config.instanceId());
        OperationsServer.Builder endpoint = OperationsServer.builder("classifier")
                .port(config.httpPort())
                .readiness(this::isReady)
                .status(this::modelJson)
                .route("GET", "/model", exchange -> OperationsServer.Response.json(modelJson()))
                .metrics(renderer::render);
        if (config.inferenceHttpEnabled()) {
            new InferenceRoutes(InferenceSettings.from(config), serving::served, classifier, this::isReady)
                    .addTo(endpoint)
                    .threads(config.inferenceHttpThreads());
        }
        http = endpoint.start();
        HostInfo self = new HostInfo(config.instanceId(), http.port());
        watcher = newWatcher(loader, self);
        Thread watcherThread = new Thread(watcher, "model-versions-watcher-" + config.instanceId());
        watcherThread.setDaemon(true);
        watcherThread.start();
        if (!watcher.awaitFirstModel(firstModelTimeout)) {
            throw new IllegalStateException("no version of model " + config.modelName() + " could be served within "
                    + firstModelTimeout.toSeconds() + " s (none promoted or pinned, or every one refused)");
        }
        if (memory != null) {
            feeder = newFeeder();
            Thread feederThread = new Thread(feeder, "training-set-feeder-" + config.instanceId());
            feederThread.setDaemon(true);
            feederThread.start();
        }
        KafkaStreams kafkaStreams = new KafkaStreams(topology(), new StreamsConfig(streamsProperties(self)));
        kafkaStreams.setUncaughtExceptionHandler(e -> {
            log.error("stream thread failed; replacing it (the transaction is aborted and its records read again)", e);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.set(kafkaStreams);
        kafkaStreams.start();
    }

    private Topology topology() {
        ConfluentAvroSerde<TextEvent> events = new ConfluentAvroSerde<>(TextEvent.class);
        events.configure(config.serdeConfig(), false);
        ConfluentAvroSerde<Classification> classifications = new ConfluentAvroSerde<>(Classification.class);
        classifications.configure(config.serdeConfig(), false);
        return ClassificationTopology.build(
                TopologySettings.from(config),
                events.deserializer(),
                classifications.serializer(),
                classifier,
                metrics);
    }

    private ModelVersionWatcher newWatcher(ModelLoader loader, HostInfo self) {
        rank = new StreamsInstanceRank(streams::get, self);
        ModelReloader reloader = new ModelReloader(
                serving,
                loader,
                rank,
                Duration.ofMillis(config.reloadStaggerMs()),
                metrics,
                ModelReloader.Sleeper.real(),
                new RetryBackoff(config.reloadRetryBackoff(), config.reloadRetryBackoffMax()),
                InstantSource.system(),
                memory == null ? ReloadListener.NONE : memory);
        Map<String, Object> consumerConfig = new HashMap<>(config.clientConfig());
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, config.instanceId() + "-model-versions");
        ConfluentAvroDeserializer<ModelVersion> values = new ConfluentAvroDeserializer<>(ModelVersion.class);
        values.configure(config.serdeConfig(), false);
        KafkaConsumer<byte[], ModelVersion> consumer =
                new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(), values);
        ModelVersionsReader reader = new ModelVersionsReader(
                consumer, config.modelVersionsTopic(), ModelVersionsReader.UnreadableRecords.LOG_AND_SKIP);
        return new ModelVersionWatcher(
                reader, config.modelVersionsTopic(), config.modelName(), config.pinnedVersion(), reloader);
    }

    /**
     * The correction memory's reader of the training set: a plain consumer like the watcher's (no group, no commits,
     * read_committed), outside Kafka Streams, so the stream's exactly-once transactions are untouched.
     */
    private TrainingSetFeeder newFeeder() {
        Map<String, Object> consumerConfig = new HashMap<>(config.clientConfig());
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, config.instanceId() + "-training-set");
        ConfluentAvroDeserializer<LabelCorrection> values = new ConfluentAvroDeserializer<>(LabelCorrection.class);
        values.configure(config.serdeConfig(), false);
        KafkaConsumer<String, LabelCorrection> consumer =
                new KafkaConsumer<>(consumerConfig, new StringDeserializer(), values);
        return new TrainingSetFeeder(consumer, config.trainingSetTopic(), memory);
    }

    private Map<String, Object> streamsProperties(HostInfo self) {
        Map<String, Object> properties = new HashMap<>(config.streamsConfig());
        properties.putIfAbsent(StreamsConfig.APPLICATION_SERVER_CONFIG, self.host() + ":" + self.port());
        properties.putIfAbsent(StreamsConfig.CLIENT_ID_CONFIG, config.instanceId());
        return properties;
    }

    /** A model is loaded and Kafka Streams is RUNNING. */
    public boolean isReady() {
        KafkaStreams current = streams.get();
        return serving.servedVersion().isPresent() && current != null && current.state() == KafkaStreams.State.RUNNING;
    }

    /** The port of the operations endpoint. */
    public int httpPort() {
        return http.port();
    }

    /** This instance's place among the live instances, as used for staggered reloads. */
    public int rank() {
        return rank.rank();
    }

    public ClassifierMetrics metrics() {
        return metrics;
    }

    /** Kafka Streams' state, or null before it was created. */
    public KafkaStreams.State streamsState() {
        KafkaStreams current = streams.get();
        return current == null ? null : current.state();
    }

    private Map<org.apache.kafka.common.MetricName, ? extends org.apache.kafka.common.Metric> kafkaMetrics() {
        KafkaStreams current = streams.get();
        return current == null ? Map.of() : current.metrics();
    }

    private String modelJson() {
        String version = serving.servedVersion().map(String::valueOf).orElse("null");
        return "{\"instanceId\":\"" + config.instanceId().replace("\"", "\\\"") + "\",\"modelName\":\""
                + config.modelName().replace("\"", "\\\"") + "\",\"version\":" + version + ",\"rank\":" + rank()
                + "}\n";
    }

    @Override
    public void close() {
        KafkaStreams current = streams.get();
        if (current != null) {
            current.close(Duration.ofSeconds(30));
        }
        if (feeder != null) {
            feeder.close();
        }
        if (watcher != null) {
            watcher.close();
        }
        serving.close();
        if (http != null) {
            http.close();
        }
        log.info("classifier instance {} stopped", config.instanceId());
    }
}
