package io.streamtune.classifier.config;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * The keys of synchronous inference over HTTP (the Open Inference Protocol on the operations port): defined here,
 * read through {@link ClassifierConfig} like every other key.
 */
public final class InferenceHttpKeys {

    public static final String ENABLED = ClassifierConfig.NAMESPACE + "inference.http.enabled";
    public static final String TOKEN = ClassifierConfig.NAMESPACE + "inference.http.token";
    public static final String MAX_TEXTS = ClassifierConfig.NAMESPACE + "inference.http.max.texts";
    public static final String THREADS = ClassifierConfig.NAMESPACE + "inference.http.threads";

    private InferenceHttpKeys() {}

    static ConfigDef define(ConfigDef definition) {
        return definition
                .define(
                        ENABLED,
                        Type.BOOLEAN,
                        true,
                        Importance.MEDIUM,
                        "Serve the Open Inference Protocol (KServe V2 REST) on classifier.http.port: /v2/health/*,"
                                + " /v2/models/<model.name> metadata and ready, POST .../infer, /v2/openapi.json.")
                .define(
                        TOKEN,
                        Type.PASSWORD,
                        null,
                        Importance.MEDIUM,
                        "When set, every /v2/models/... request must carry 'Authorization: Bearer <token>' or gets"
                                + " 401; the health, server metadata and OpenAPI paths stay open.")
                .define(
                        MAX_TEXTS,
                        Type.INT,
                        64,
                        Range.between(1, 4096),
                        Importance.MEDIUM,
                        "Most texts one infer request may carry; more are refused with 413. Each text is also held"
                                + " to classifier.text.max.bytes.")
                .define(
                        THREADS,
                        Type.INT,
                        8,
                        Range.between(1, 256),
                        Importance.LOW,
                        "Threads serving HTTP requests at once (each infer request holds one while its texts are"
                                + " classified).");
    }
}
