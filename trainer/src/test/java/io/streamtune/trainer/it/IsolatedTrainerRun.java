package io.streamtune.trainer.it;

import io.streamtune.testsupport.KafkaStack;
import io.streamtune.trainer.TrainerApp;
import io.streamtune.trainer.config.TrainerConfig;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.utils.Exit;

/**
 * The child JVM of {@link NoEgressIT}, run in a network namespace with only loopback: starts a broker and a registry,
 * then {@code TrainerApp.main("bootstrap", ...)} (the production entry point, which must switch DJL offline by
 * itself) fine-tunes the real BERT on the given examples and publishes version 1. TrainerApp's exit code is this
 * process's exit code.
 *
 * <p>Arguments: the working folder (the model store goes under it) and a JSON Lines file of examples.
 */
public final class IsolatedTrainerRun {

    private IsolatedTrainerRun() {}

    public static void main(String[] args) throws Exception {
        if (System.getProperty("ai.djl.offline") != null
                || System.getenv("DJL_OFFLINE") != null
                || System.getenv("OPT_OUT_TRACKING") != null) {
            System.err.println("DJL offline settings must come from the application, not the launcher");
            System.exit(4);
        }
        Path folder = Path.of(args[0]);
        TrainerStack topics = new TrainerStack(new KafkaStack());
        Map<String, Object> settings = topics.settings(folder.resolve("models"));
        settings.put(TrainerConfig.TRAINING_EPOCHS, "1");
        settings.put(TrainerConfig.TRAINING_MAX_LENGTH, "32");
        Properties properties = new Properties();
        settings.forEach((key, value) -> properties.setProperty(key, String.valueOf(value)));
        Path configFile = folder.resolve("trainer.properties");
        try (Writer out = Files.newBufferedWriter(configFile, StandardCharsets.UTF_8)) {
            properties.store(out, "trainer in a loopback-only network namespace");
        }
        ignoreBrokerHaltsOnTeardown();
        TrainerApp.main(new String[] {"bootstrap", "--data", args[1], "--config", configFile.toString()});
    }

    /**
     * TrainerApp's exit runs the test stack's shutdown hook; when the in-process broker's log folder is deleted before
     * its last checkpoint write, Kafka halts the JVM with status 1 and that, not TrainerApp's code, becomes this
     * process's exit code. A broker failure during the run still fails the bootstrap, and so the exit code.
     */
    private static void ignoreBrokerHaltsOnTeardown() {
        Exit.setHaltProcedure((status, message) ->
                System.err.println("ignored an in-process broker halt (" + status + "): " + message));
    }
}
