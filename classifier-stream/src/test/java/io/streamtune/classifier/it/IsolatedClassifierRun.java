package io.streamtune.classifier.it;

import io.streamtune.classifier.ClassifierApp;
import io.streamtune.classifier.ClassifierRuntime;
import io.streamtune.classifier.config.ClassifierConfig;
import io.streamtune.classifier.engine.EngineModelLoader;
import io.streamtune.schemas.Classification;
import io.streamtune.schemas.ModelStatus;
import io.streamtune.testsupport.KafkaStack;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.utils.Exit;

/**
 * The child JVM of {@link NoEgressIT}, run in a network namespace with only loopback: starts a broker and a registry,
 * announces the version already in the model store, starts the classifier the way {@code ClassifierApp.main} does
 * (the production entry point's two steps, which must switch DJL offline by themselves) and classifies a few events. Exits 0 when every
 * event came back classified by that version, non-zero with a line on standard error otherwise.
 *
 * <p>Arguments: the working folder (holding {@code store/}) and the SHA-256 of version 1's manifest.
 */
public final class IsolatedClassifierRun {

    static final int EVENTS = 8;
    static final String SUCCESS = "isolated classifier run: classified all events with v1";

    private IsolatedClassifierRun() {}

    public static void main(String[] args) {
        try {
            run(Path.of(args[0]), args[1]);
            System.out.println(SUCCESS);
            // the test stack's shutdown hook can leave the in-process broker halting with status 1 when its log
            // folder goes before its last checkpoint write; the run has succeeded by then
            Exit.setHaltProcedure((status, message) ->
                    System.err.println("ignored an in-process broker halt (" + status + "): " + message));
            System.exit(0);
        } catch (Throwable e) {
            System.err.println("isolated classifier run failed: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(Path folder, String manifestSha256) throws Exception {
        if (System.getProperty("ai.djl.offline") != null
                || System.getenv("DJL_OFFLINE") != null
                || System.getenv("OPT_OUT_TRACKING") != null) {
            throw new IllegalStateException("DJL offline settings must come from the application, not the launcher");
        }
        StreamHarness harness = new StreamHarness(new KafkaStack(), 1);
        harness.publish(1, ModelStatus.PROMOTED, manifestSha256);
        Path configFile = folder.resolve("classifier.properties");
        Properties config = new Properties();
        config.putAll(harness.classifierConfig("isolated-1", folder.resolve("state"), folder.resolve("store")));
        try (Writer out = Files.newBufferedWriter(configFile, StandardCharsets.UTF_8)) {
            config.store(out, "classifier in a loopback-only network namespace");
        }
        // ClassifierApp.main's two steps, keeping the runtime so it stops before the test stack does: on
        // System.exit both shutdown hooks ran at once, and a broker whose log folder the stack deleted mid-shutdown
        // halts the JVM with status 1.
        ClassifierConfig appConfig = ClassifierApp.loadOrExit(new String[] {configFile.toString()});
        ClassifierRuntime runtime = ClassifierApp.run(appConfig, EngineModelLoader.fromConfig(appConfig));
        try {
            classifyEvents(harness);
        } finally {
            runtime.close();
        }
    }

    private static void classifyEvents(StreamHarness harness) throws Exception {

        for (int i = 0; i < EVENTS; i++) {
            harness.send("isolated-" + i, i % 2 == 0 ? "What a great phone." : "Terrible food, never again.");
        }
        harness.flush();
        try (KafkaConsumer<String, Classification> consumer = harness.classifications()) {
            List<ConsumerRecord<String, Classification>> results =
                    StreamHarness.readAtLeast(consumer, EVENTS, Duration.ofSeconds(120));
            for (ConsumerRecord<String, Classification> result : results) {
                if (result.value().getModelVersion() != 1) {
                    throw new IllegalStateException(result.key() + " classified by " + result.value());
                }
            }
        }
    }
}
