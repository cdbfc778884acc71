package io.streamtune.trainer.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamtune.model.artifact.FileSystemModelStore;
import io.streamtune.model.classify.ClassifierSettings;
import io.streamtune.testsupport.KafkaStack;
import io.streamtune.trainer.Trainer;
import io.streamtune.trainer.config.TrainerConfig;
import io.streamtune.trainer.round.Example;
import io.streamtune.trainer.round.ExampleFile;
import io.streamtune.trainer.round.RoundOutcome;
import io.streamtune.trainer.tuning.CheckpointFolders;
import io.streamtune.trainer.tuning.DjlModelTuner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bootstrap from a user's HuggingFace checkpoint folder ({@code model.base.path}) with the real BERT: a two-layer
 * encoder-only folder becomes version 1, with that shape and that folder's tokenizer.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class CheckpointBootstrapIT {

    @RegisterExtension
    static final KafkaStack STACK = new KafkaStack();

    @TempDir
    Path dir;

    @Test
    void shouldBootstrapTheFirstVersionFromTheConfiguredCheckpointFolder() throws Exception {
        Path checkpoint = CheckpointFolders.miniLmEncoder(dir.resolve("checkpoint"), 2);
        TrainerStack topics = new TrainerStack(STACK);
        Map<String, Object> settings = topics.settings(dir.resolve("models"));
        settings.put(TrainerConfig.MODEL_BASE_PATH, checkpoint.toString());
        settings.put(TrainerConfig.TRAINING_EPOCHS, "1");
        settings.put(TrainerConfig.TRAINING_MAX_LENGTH, "32");
        TrainerConfig config = new TrainerConfig(settings);
        List<Example> stream = ExampleFile.read(Path.of("../data/uci_sentiment.jsonl"), "stream");

        RoundOutcome first = Trainer.bootstrap(
                config, new DjlModelTuner(ClassifierSettings.defaults().withMaxLength(32)), stream.subList(0, 48));

        Path folder = new FileSystemModelStore(config.storeRoot())
                .resolve(config.modelName(), first.version())
                .folder();
        JsonNode stored =
                new ObjectMapper().readTree(folder.resolve("config.json").toFile());
        assertThat(first.version()).isEqualTo(1);
        assertThat(stored.path("num_hidden_layers").asInt()).isEqualTo(2);
        assertThat(stored.path("id2label").path("1").asText()).isEqualTo("pos");
        assertThat(Files.readString(folder.resolve("tokenizer.json")))
                .isEqualTo(Files.readString(checkpoint.resolve("tokenizer.json")));
    }
}
