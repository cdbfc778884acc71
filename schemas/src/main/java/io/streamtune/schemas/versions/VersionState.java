package io.streamtune.schemas.versions;

import io.streamtune.schemas.ModelVersion;

/**
 * The latest record of one model version on the topic, with where it was read.
 *
 * @param record the record; its status is the version's state
 * @param timestamp the Kafka record timestamp
 * @param offset the record's offset in its partition
 */
public record VersionState(ModelVersion record, long timestamp, long offset) {

    /** Later by timestamp, then by offset (records of one version share a key, hence a partition). */
    public boolean isNewerThan(VersionState other) {
        return timestamp != other.timestamp ? timestamp > other.timestamp : offset > other.offset;
    }

    public long version() {
        return record.getVersion();
    }
}
