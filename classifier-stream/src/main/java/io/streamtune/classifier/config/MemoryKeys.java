package io.streamtune.classifier.config;

import io.streamtune.runtime.config.SharedKeys;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/** The keys of the correction memory: defined here, read through {@link ClassifierConfig} like every other key. */
public final class MemoryKeys {

    public static final String MEMORY_ENABLED = ClassifierConfig.NAMESPACE + "memory.enabled";
    public static final String MEMORY_SIMILARITY_THRESHOLD = ClassifierConfig.NAMESPACE + "memory.similarity.threshold";
    public static final String MEMORY_MAX_ENTRIES = ClassifierConfig.NAMESPACE + "memory.max.entries";
    public static final String TRAINING_SET_TOPIC = SharedKeys.TOPIC_TRAINING_SET;

    /** Chosen on held-out near-duplicates of data/uci_sentiment.jsonl: see classifier-stream/README.md. */
    static final double DEFAULT_THRESHOLD = 0.88;

    private MemoryKeys() {}

    static ConfigDef define(ConfigDef definition) {
        return definition
                .define(
                        MEMORY_ENABLED,
                        Type.BOOLEAN,
                        true,
                        Importance.MEDIUM,
                        "Correction memory: a text (nearly) identical to a corrected text of the training set gets the"
                                + " corrected label at once, before a new version has learned it.")
                .define(
                        MEMORY_SIMILARITY_THRESHOLD,
                        Type.DOUBLE,
                        DEFAULT_THRESHOLD,
                        Range.between(0.5, 1.0),
                        Importance.MEDIUM,
                        "Least cosine similarity of a text's embedding to a corrected text's for the memory to give"
                                + " the corrected label.")
                .define(
                        MEMORY_MAX_ENTRIES,
                        Type.INT,
                        10_000,
                        Range.between(1, 1_000_000),
                        Importance.LOW,
                        "Most corrected texts the memory holds; beyond it the oldest are forgotten. Each costs one"
                                + " embedding per version held and one dot product per classified text.");
    }
}
