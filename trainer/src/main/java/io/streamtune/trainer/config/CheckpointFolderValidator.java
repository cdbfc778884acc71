package io.streamtune.trainer.config;

import io.streamtune.model.training.StartingPoint;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * Empty, or a HuggingFace BERT checkpoint folder the model module can start from: it exists, holds {@code
 * config.json}, {@code model.safetensors} and {@code tokenizer.json}, and its configuration is a supported BERT.
 */
final class CheckpointFolderValidator implements ConfigDef.Validator {

    @Override
    public void ensureValid(String name, Object value) {
        String folder = value == null ? "" : value.toString().trim();
        if (folder.isEmpty()) {
            return;
        }
        try {
            StartingPoint.fromCheckpoint(Path.of(folder));
        } catch (IllegalArgumentException | IOException e) {
            throw new ConfigException(name, value, e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "empty, or a folder with " + StartingPoint.CHECKPOINT_FILES;
    }
}
