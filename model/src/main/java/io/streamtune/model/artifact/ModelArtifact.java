package io.streamtune.model.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a model version folder is written from. Build with {@link #builder()}: {@code set*}
 * methods are required, {@code opt*} optional.
 */
public final class ModelArtifact {

    private final String modelName;
    private final long version;
    private final Long parentVersion;
    private final Instant createdTime;
    private final List<String> labels;
    private final ObjectNode config;
    private final ArtifactContent weights;
    private final ArtifactContent tokenizer;
    private final Map<String, Double> metrics;
    private final ArtifactContent lexical;

    private ModelArtifact(Builder builder) {
        this.modelName = ArtifactNames.checkModelName(builder.modelName);
        this.version = ArtifactNames.checkVersion(builder.version);
        this.parentVersion = builder.parentVersion;
        this.createdTime = builder.createdTime == null ? Instant.now() : builder.createdTime;
        this.labels = List.copyOf(Objects.requireNonNull(builder.labels, "labels"));
        if (labels.isEmpty() || labels.stream().distinct().count() != labels.size()) {
            throw new IllegalArgumentException("labels must be non-empty and distinct: " + labels);
        }
        this.config = ClassifierConfigJson.withLabels(Objects.requireNonNull(builder.config, "config"), labels);
        this.weights = Objects.requireNonNull(builder.weights, "weights");
        this.tokenizer = Objects.requireNonNull(builder.tokenizer, "tokenizer");
        this.metrics = Map.copyOf(builder.metrics);
        this.lexical = builder.lexical;
        metrics.forEach((key, value) -> {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("metric " + key + " is not finite: " + value);
            }
        });
    }

    /**
     * A new builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the model family */
    public String modelName() {
        return modelName;
    }

    /** @return the version, from 1 */
    public long version() {
        return version;
    }

    /** @return the version this one was fine-tuned from, or null */
    public Long parentVersion() {
        return parentVersion;
    }

    /** @return the creation time recorded in the manifest */
    public Instant createdTime() {
        return createdTime;
    }

    /** @return the labels in output index order */
    public List<String> labels() {
        return labels;
    }

    /** @return a copy of the HuggingFace configuration, with architecture and labels in place */
    public ObjectNode config() {
        return config.deepCopy();
    }

    /** @return the writer of {@code model.safetensors} */
    public ArtifactContent weights() {
        return weights;
    }

    /** @return the writer of {@code tokenizer.json} */
    public ArtifactContent tokenizer() {
        return tokenizer;
    }

    /** @return the writer of {@code lexical.bin}, or null for a version that is BERT alone */
    public ArtifactContent lexical() {
        return lexical;
    }

    /** @return the evaluation metrics, possibly empty */
    public Map<String, Double> metrics() {
        return metrics;
    }

    /** Builds a {@link ModelArtifact}. */
    public static final class Builder {

        private String modelName;
        private long version;
        private Long parentVersion;
        private Instant createdTime;
        private List<String> labels;
        private ObjectNode config;
        private ArtifactContent weights;
        private ArtifactContent tokenizer;
        private final Map<String, Double> metrics = new LinkedHashMap<>();
        private ArtifactContent lexical;

        private Builder() {}

        /**
         * @param modelName the model family: letters, digits, '.', '_', '-'
         * @return this builder
         */
        public Builder setModelName(String modelName) {
            this.modelName = modelName;
            return this;
        }

        /**
         * @param version the version, from 1
         * @return this builder
         */
        public Builder setVersion(long version) {
            this.version = version;
            return this;
        }

        /**
         * @param parentVersion the version fine-tuned from, null for the pretrained base
         * @return this builder
         */
        public Builder optParentVersion(Long parentVersion) {
            this.parentVersion = parentVersion;
            return this;
        }

        /**
         * @param createdTime the creation time; now when not set
         * @return this builder
         */
        public Builder optCreatedTime(Instant createdTime) {
            this.createdTime = createdTime;
            return this;
        }

        /**
         * @param labels the classes in output index order
         * @return this builder
         */
        public Builder setLabels(List<String> labels) {
            this.labels = labels;
            return this;
        }

        /**
         * @param config the HuggingFace BERT configuration (encoder hyperparameters); architecture,
         *     id2label and label2id are added when absent and checked when present
         * @return this builder
         */
        public Builder setConfig(JsonNode config) {
            if (!(config instanceof ObjectNode)) {
                throw new IllegalArgumentException("config must be a JSON object");
            }
            this.config = ((ObjectNode) config).deepCopy();
            return this;
        }

        /**
         * @param weights writes {@code model.safetensors} with HuggingFace parameter names
         * @return this builder
         */
        public Builder setWeights(ArtifactContent weights) {
            this.weights = weights;
            return this;
        }

        /**
         * @param tokenizer writes {@code tokenizer.json}
         * @return this builder
         */
        public Builder setTokenizer(ArtifactContent tokenizer) {
            this.tokenizer = tokenizer;
            return this;
        }

        /**
         * @param tokenizerJson a {@code tokenizer.json} file to copy
         * @return this builder
         */
        public Builder setTokenizerFile(Path tokenizerJson) {
            this.tokenizer = out -> Files.copy(tokenizerJson, out);
            return this;
        }

        /**
         * @param metrics evaluation metrics (finite numbers) for {@code metrics.json}
         * @return this builder
         */
        public Builder optMetrics(Map<String, Double> metrics) {
            this.metrics.clear();
            this.metrics.putAll(metrics);
            return this;
        }

        /**
         * @param lexical writes {@code lexical.bin}, the lexical model fused with BERT; null for none
         * @return this builder
         */
        public Builder optLexical(ArtifactContent lexical) {
            this.lexical = lexical;
            return this;
        }

        /**
         * @return the artifact
         * @throws IllegalArgumentException or NullPointerException naming what is missing or invalid
         */
        public ModelArtifact build() {
            return new ModelArtifact(this);
        }
    }
}
