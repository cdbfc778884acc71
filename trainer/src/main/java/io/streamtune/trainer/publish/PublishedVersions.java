package io.streamtune.trainer.publish;

import io.streamtune.schemas.ModelVersion;
import io.streamtune.schemas.versions.ModelVersionHistory;
import io.streamtune.schemas.versions.ModelVersionsReader;
import io.streamtune.schemas.versions.VersionState;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * The committed versions of one model, read from {@code model-versions}: the highest version number and the
 * version in service, as the shared rule of {@link ModelVersionHistory} decides it.
 *
 * @param maxVersion the highest published version, 0 when none
 * @param inService the version in service
 */
public record PublishedVersions(long maxVersion, Optional<ModelVersion> inService) {

    /**
     * Reads the whole topic up to its current end with the shared {@link ModelVersionsReader}; an unreadable record
     * stops the read (the trainer must not miss a version number).
     *
     * @param consumer a read_committed consumer; it is assigned every partition of the topic
     * @throws TimeoutException when the end is not reached in time
     */
    public static PublishedVersions read(
            Consumer<String, ModelVersion> consumer, String topic, String modelName, Duration timeout) {
        ModelVersionsReader reader =
                new ModelVersionsReader(consumer, topic, ModelVersionsReader.UnreadableRecords.FAIL);
        reader.assignFromBeginning(timeout);
        return of(reader.readToEnd(timeout), modelName);
    }

    /** The highest version and the version in service of one model of a history. */
    public static PublishedVersions of(ModelVersionHistory history, String modelName) {
        return new PublishedVersions(
                history.highestVersion(modelName), history.inService(modelName).map(VersionState::record));
    }
}
