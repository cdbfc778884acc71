package io.streamtune.trainer;

import io.streamtune.model.training.ProgressListener;
import io.streamtune.schemas.LabelCorrection;
import io.streamtune.schemas.ModelVersion;
import io.streamtune.trainer.config.TrainerConfig;
import io.streamtune.trainer.config.TrainerTopics;
import io.streamtune.trainer.feedback.FeedbackSettings;
import io.streamtune.trainer.feedback.FeedbackTopology;
import io.streamtune.trainer.publish.PublishedVersions;
import io.streamtune.trainer.publish.VersionPublisher;
import io.streamtune.trainer.round.Bootstrapper;
import io.streamtune.trainer.round.Example;
import io.streamtune.trainer.round.RoundLoop;
import io.streamtune.trainer.round.RoundMetrics;
import io.streamtune.trainer.round.RoundOutcome;
import io.streamtune.trainer.round.RoundRunner;
import io.streamtune.trainer.round.TrainingSetCache;
import io.streamtune.trainer.tuning.ModelTuner;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running trainer: feedback ingestion on Kafka Streams threads and the round loop on its own thread. Starting
 * one takes over publishing for the model (fencing any other trainer of it).
 */
public final class Trainer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final KafkaStreams streams;
    private final VersionPublisher publisher;
    private final RoundLoop loop;
    private final Thread roundThread;
    private final RoundMetrics metrics;
    private final KafkaConsumer<String, LabelCorrection> trainingSet;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Trainer(
            KafkaStreams streams,
            VersionPublisher publisher,
            RoundLoop loop,
            RoundMetrics metrics,
            KafkaConsumer<String, LabelCorrection> trainingSet) {
        this.streams = streams;
        this.publisher = publisher;
        this.loop = loop;
        this.metrics = metrics;
        this.trainingSet = trainingSet;
        this.roundThread = new Thread(loop, "streamtune-trainer-rounds");
    }

    /**
     * Starts ingestion and rounds.
     *
     * @param onFatal called (on the round thread) when rounds stop for good, e.g. another trainer took over
     */
    public static Trainer start(TrainerConfig config, ModelTuner tuner, Consumer<RuntimeException> onFatal)
            throws IOException {
        TrainerClients clients = new TrainerClients(config);
        KafkaStreams streams = new KafkaStreams(feedbackTopology(config, clients), clients.streamsProperties());
        streams.start();
        try {
            return startRounds(config, tuner, onFatal, clients, streams);
        } catch (IOException | RuntimeException e) {
            streams.close(Duration.ofSeconds(30));
            throw e;
        }
    }

    private static Trainer startRounds(
            TrainerConfig config,
            ModelTuner tuner,
            Consumer<RuntimeException> onFatal,
            TrainerClients clients,
            KafkaStreams streams)
            throws IOException {
        RoundMetrics metrics = new RoundMetrics();
        VersionPublisher publisher =
                new VersionPublisher(clients.publisherProducer(), config.transactionalId(), config.topics());
        RoundComponents components = RoundComponents.from(config, tuner, metrics);
        RoundRunner runner = components.runner(versionReader(config, clients), publisher, Clock.systemUTC());
        KafkaConsumer<String, LabelCorrection> consumer = clients.trainingSetConsumer();
        TrainingSetCache cache = new TrainingSetCache(consumer, config.topics().trainingSet(), TIMEOUT);
        RoundLoop loop = new RoundLoop(
                cache, runner, components.trigger(), metrics, config.roundRetryBackoff(), Clock.systemUTC(), onFatal);
        Trainer trainer = new Trainer(streams, publisher, loop, metrics, consumer);
        trainer.roundThread.start();
        LOG.info("Trainer of {} started (labels {})", config.modelName(), config.labels());
        return trainer;
    }

    /**
     * Trains and publishes the first version from labelled examples (see {@link Bootstrapper}).
     *
     * @throws IllegalStateException when the model already has a version
     */
    public static RoundOutcome bootstrap(TrainerConfig config, ModelTuner tuner, List<Example> examples)
            throws IOException {
        try (RoundMetrics metrics = new RoundMetrics()) {
            return bootstrap(config, tuner, examples, metrics);
        }
    }

    /**
     * As {@link #bootstrap(TrainerConfig, ModelTuner, List)}, reporting the fine-tuning progress to a listener of
     * the caller's (e.g. a progress bar) instead of the log.
     *
     * @throws IllegalStateException when the model already has a version (checked before any training)
     */
    public static RoundOutcome bootstrap(
            TrainerConfig config, ModelTuner tuner, List<Example> examples, ProgressListener progress)
            throws IOException {
        TrainerClients clients = new TrainerClients(config);
        try (VersionPublisher publisher =
                        new VersionPublisher(clients.publisherProducer(), config.transactionalId(), config.topics());
                KafkaConsumer<String, LabelCorrection> consumer = clients.trainingSetConsumer()) {
            Bootstrapper bootstrapper =
                    RoundComponents.from(config, tuner, progress).bootstrapper(publisher, Clock.systemUTC());
            return bootstrapper.run(versionReader(config, clients).get(), examples, consumer.groupMetadata());
        }
    }

    static Topology feedbackTopology(TrainerConfig config, TrainerClients clients) {
        return FeedbackTopology.build(
                config.topics(),
                FeedbackSettings.from(config),
                clients.correctionDeserializer(),
                clients.classificationDeserializer(),
                clients.trainingSetSerializer());
    }

    private static Supplier<PublishedVersions> versionReader(TrainerConfig config, TrainerClients clients) {
        TrainerTopics topics = config.topics();
        return () -> {
            try (KafkaConsumer<String, ModelVersion> consumer = clients.versionsConsumer()) {
                return PublishedVersions.read(consumer, topics.modelVersions(), config.modelName(), TIMEOUT);
            }
        };
    }

    /** Asks for a round now, whatever the trigger says. */
    public void requestRound() {
        loop.requestRound();
    }

    /** Ingestion is running (or rebalancing) and the round thread is alive. */
    public boolean isHealthy() {
        KafkaStreams.State state = streams.state();
        boolean ingesting = state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
        return ingesting && roundThread.isAlive();
    }

    public KafkaStreams.State ingestionState() {
        return streams.state();
    }

    public RoundMetrics metrics() {
        return metrics;
    }

    /** Round, version and feedback metrics in Prometheus' text format (what {@code GET /metrics} serves). */
    public String metricsText() {
        return TrainerMetricsText.render(metrics, streams.metrics());
    }

    /** Stops rounds (waiting for one in progress), then ingestion. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            loop.stop(Duration.ofMinutes(10));
            roundThread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        streams.close(Duration.ofSeconds(30));
        trainingSet.close();
        publisher.close();
        metrics.close();
    }
}
