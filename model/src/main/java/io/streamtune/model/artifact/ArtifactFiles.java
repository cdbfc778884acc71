package io.streamtune.model.artifact;

import java.util.List;

/** The file names of a model version folder. */
public final class ArtifactFiles {

    /** HuggingFace {@code BertForSequenceClassification} configuration with id2label/label2id. */
    public static final String CONFIG = "config.json";

    /** The weights, keyed by HuggingFace parameter names. */
    public static final String WEIGHTS = "model.safetensors";

    /** The HuggingFace tokenizer. */
    public static final String TOKENIZER = "tokenizer.json";

    /** The labels as a JSON array, in output index order. */
    public static final String LABELS = "labels.json";

    /** The evaluation metrics as a JSON object of numbers. */
    public static final String METRICS = "metrics.json";

    /**
     * The lexical model fused with BERT's logits ({@code io.streamtune.model.lexical.LexicalModel}); optional, a
     * version without it is BERT alone.
     */
    public static final String LEXICAL = "lexical.bin";

    /** Name, version, parent, creation time and the SHA-256 of every other file. */
    public static final String MANIFEST = "manifest.json";

    /** Every file a version folder holds besides the manifest, in writing order. */
    public static final List<String> CONTENT = List.of(CONFIG, WEIGHTS, TOKENIZER, LABELS, METRICS);

    private ArtifactFiles() {}
}
