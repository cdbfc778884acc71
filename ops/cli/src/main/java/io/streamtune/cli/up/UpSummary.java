package io.streamtune.cli.up;

import io.streamtune.classifier.config.ClassifierConfig;
import io.streamtune.runtime.config.SharedKeys;
import io.streamtune.trainer.config.TrainerConfig;
import java.io.PrintWriter;
import java.nio.file.Path;

/** What {@code up} prints once both apps run: where, which version, the endpoints, the next commands. */
final class UpSummary {

    private UpSummary() {}

    static void print(
            PrintWriter out,
            UpSettings settings,
            UpCluster cluster,
            ServedModel served,
            RunningLoop loop,
            ClassifierConfig classifier,
            TrainerConfig trainer,
            Path logFile) {
        String model = settings.modelName();
        Path file = settings.file();
        out.printf(
                "Streamtune is up: model %s, version %d in service, labels %s%n",
                model, served.version(), String.join(", ", served.labels()));
        out.printf(
                "  cluster     %s (%s), registry %s%n",
                settings.effective(SharedKeys.KAFKA_BOOTSTRAP_SERVERS),
                cluster.description(),
                settings.effective(SharedKeys.REGISTRY_URL));
        out.printf(
                "  classifier  %s -> %s, status http://localhost:%d/status%n",
                classifier.inputTopic(),
                classifier.outputTopic(),
                loop.classifier().httpPort());
        out.printf(
                "  trainer     %s -> a round every %d corrections%s%n",
                trainer.topics().labelCorrections(),
                trainer.roundTriggerCorrections(),
                loop.trainer()
                        .controlPort()
                        .map(port -> ", status http://localhost:" + port + "/status")
                        .orElse(""));
        out.printf("  logs        %s%n", logFile);
        out.printf("Send texts:     streamtune produce --config %s FILE%n", file);
        out.printf("See results:    streamtune tail --config %s%n", file);
        out.printf("Correct one:    streamtune correct --config %s EVENT_ID LABEL%n", file);
        out.println("Ctrl-C stops everything.");
        out.flush();
    }
}
