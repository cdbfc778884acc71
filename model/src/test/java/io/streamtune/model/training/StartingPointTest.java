package io.streamtune.model.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamtune.model.artifact.ArtifactFiles;
import io.streamtune.model.artifact.FileSystemModelStore;
import io.streamtune.model.artifact.StoredVersion;
import io.streamtune.model.base.BuiltInBase;
import io.streamtune.model.bert.BertConfig;
import io.streamtune.model.bert.BertSequenceClassifier;
import io.streamtune.model.bert.BertWeights;
import io.streamtune.model.classify.ClassifierSettings;
import io.streamtune.model.classify.DjlTextClassifier;
import io.streamtune.model.classify.Prediction;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starting from the bge-small-en-v1.5 built-in base (the default; the other tests use the faster MiniLM),
 * and from a HuggingFace checkpoint folder: a classifier one (a stored version's files, which are
 * HuggingFace-compatible) and an encoder-only {@code BertModel} one cut down to two layers, both fine-tuned a few
 * steps; and the refusals of folders that are not checkpoints.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class StartingPointTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> LABELS = List.of("neg", "pos");
    private static final List<String> WIDER = List.of("neg", "pos", "mixed");
    private static final FineTuneConfig SHORT =
            FineTuneConfig.builder().optEpochs(1).optEarlyStopping(1, 1).build();
    private static final Pattern LAYER = Pattern.compile("(?:bert\\.)?encoder\\.layer\\.(\\d+)\\..*");

    @TempDir
    static Path root;

    private static NDManager manager;
    private static StoredVersion version;

    @BeforeAll
    static void storeAVersion() throws IOException {
        manager = NDManager.newBaseManager();
        FineTuneJob job = new FineTuneJob(new FileSystemModelStore(root.resolve("base")), ProgressListener.logging());
        version = job.run(request(1, StartingPoint.pretrained(BuiltInBase.ALL_MINILM_L6_V2), LABELS))
                .stored();
    }

    @AfterAll
    static void closeManager() {
        manager.close();
    }

    private static FineTuneJob.Request request(long number, StartingPoint start, List<String> labels) {
        return new FineTuneJob.Request(
                "sentiment",
                number,
                start,
                labels,
                SentimentData.split("stream").subList(0, 48),
                List.of(),
                SHORT);
    }

    @Test
    void shouldGrowTheHeadOfAVersionWhenLabelsAreAddedKeepingTheKnownRows() throws IOException {
        StartingPoint start = StartingPoint.fromVersion(version);
        BertSequenceClassifier parent = start.loadClassifier(LABELS, SHORT, manager);
        BertSequenceClassifier grown = start.loadClassifier(WIDER, SHORT, manager);

        float[] parentWeights =
                parent.namedParameters().get("classifier.weight").getArray().toFloatArray();
        float[] grownWeights =
                grown.namedParameters().get("classifier.weight").getArray().toFloatArray();
        float[] grownBias =
                grown.namedParameters().get("classifier.bias").getArray().toFloatArray();

        assertThat(start.keepsHeadFor(LABELS)).isTrue();
        assertThat(start.keepsHeadFor(WIDER)).isFalse();
        assertThat(grownWeights).hasSize(parentWeights.length / 2 * 3);
        assertThat(Arrays.copyOf(grownWeights, parentWeights.length)).containsExactly(parentWeights);
        assertThat(Arrays.copyOf(grownBias, 2))
                .containsExactly(parent.namedParameters()
                        .get("classifier.bias")
                        .getArray()
                        .toFloatArray());
    }

    @Test
    void shouldFineTuneFromBgeSmallIntoAVersionTheClassifierLoads() throws IOException {
        StartingPoint start = StartingPoint.pretrained(BuiltInBase.BGE_SMALL_EN_V1_5);

        FineTuneJob.Outcome outcome = new FineTuneJob(
                        new FileSystemModelStore(root.resolve("from-bge")), ProgressListener.logging())
                .run(request(1, start, LABELS));

        Path folder = outcome.stored().folder();
        JsonNode config = JSON.readTree(folder.resolve(ArtifactFiles.CONFIG).toFile());
        assertThat(start).hasToString("the built-in bge-small-en-v1.5");
        assertThat(config.path("num_hidden_layers").asInt()).isEqualTo(12);
        try (InputStream bgeTokenizer = BuiltInBase.BGE_SMALL_EN_V1_5.openTokenizer()) {
            assertThat(Files.readString(folder.resolve(ArtifactFiles.TOKENIZER)))
                    .isEqualTo(new String(bgeTokenizer.readAllBytes(), StandardCharsets.UTF_8));
        }
        try (DjlTextClassifier classifier = DjlTextClassifier.load(folder, ClassifierSettings.defaults())) {
            List<Prediction> predictions = classifier.classify(List.of("Great phone, works well.", "Awful."));
            assertThat(predictions).hasSize(2).allSatisfy(p -> {
                assertThat(p.label()).isIn(LABELS);
                assertThat(p.scores().values().stream()
                                .mapToDouble(Double::doubleValue)
                                .sum())
                        .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
            });
        }
    }

    @Test
    void shouldKeepTheHeadOfAClassifierCheckpointWithTheSameLabelsAndStoreItsTokenizer() throws IOException {
        Path checkpoint = classifierCheckpoint(root.resolve("classifier-checkpoint"));
        StartingPoint start = StartingPoint.fromCheckpoint(checkpoint);

        BertSequenceClassifier same = start.loadClassifier(LABELS, SHORT, manager);
        BertSequenceClassifier wider = start.loadClassifier(WIDER, SHORT, manager);
        FineTuneJob.Outcome outcome = new FineTuneJob(
                        new FileSystemModelStore(root.resolve("from-classifier")), ProgressListener.logging())
                .run(request(1, start, LABELS));

        NDArray storedHead = tensors(version.folder()).get("classifier.weight");
        assertThat(same.namedParameters().get("classifier.weight").getArray().toFloatArray())
                .isEqualTo(storedHead.toFloatArray());
        assertThat(wider.numLabels()).isEqualTo(3);
        assertThat(outcome.training().steps()).isEqualTo(3);
        assertThat(outcome.stored().manifest().parentVersion()).isNull();
        assertThat(Files.readString(outcome.stored().folder().resolve(ArtifactFiles.TOKENIZER)))
                .isEqualTo(Files.readString(checkpoint.resolve(ArtifactFiles.TOKENIZER)))
                .isNotEqualTo(Files.readString(version.folder().resolve(ArtifactFiles.TOKENIZER)));
    }

    @Test
    void shouldDrawANewHeadOnAnEncoderOnlyCheckpointAndStoreItsShape() throws IOException {
        Path checkpoint = encoderCheckpoint(root.resolve("encoder-checkpoint"), 2);
        StartingPoint start = StartingPoint.fromCheckpoint(checkpoint);

        BertSequenceClassifier loaded = start.loadClassifier(WIDER, SHORT, manager);
        FineTuneJob.Outcome outcome = new FineTuneJob(
                        new FileSystemModelStore(root.resolve("from-encoder")), ProgressListener.logging())
                .run(request(1, start, WIDER));

        assertThat(loaded.namedParameters()
                        .get("bert.embeddings.word_embeddings.weight")
                        .getArray()
                        .toFloatArray())
                .isEqualTo(tensors(checkpoint)
                        .get("embeddings.word_embeddings.weight")
                        .toFloatArray());
        JsonNode config = JSON.readTree(
                outcome.stored().folder().resolve(ArtifactFiles.CONFIG).toFile());
        assertThat(config.path("num_hidden_layers").asInt()).isEqualTo(2);
        assertThat(config.path("architectures").get(0).asText()).isEqualTo("BertForSequenceClassification");
        assertThat(config.path("id2label").path("2").asText()).isEqualTo("mixed");
        assertThat(outcome.evaluation().labels()).containsExactlyElementsOf(WIDER);
        assertThat(Files.readString(outcome.stored().folder().resolve(ArtifactFiles.TOKENIZER)))
                .isEqualTo(Files.readString(checkpoint.resolve(ArtifactFiles.TOKENIZER)));
    }

    @Test
    void shouldRefuseAFolderMissingACheckpointFileNamingIt() throws IOException {
        Path folder = Files.createDirectories(root.resolve("no-tokenizer"));
        Files.copy(version.folder().resolve(ArtifactFiles.CONFIG), folder.resolve(ArtifactFiles.CONFIG));
        Files.copy(version.folder().resolve(ArtifactFiles.WEIGHTS), folder.resolve(ArtifactFiles.WEIGHTS));

        assertThatThrownBy(() -> StartingPoint.fromCheckpoint(folder))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(folder.toString())
                .hasMessageContaining("has no tokenizer.json");
        assertThatThrownBy(() -> StartingPoint.fromCheckpoint(root.resolve("absent")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("absent does not exist");
    }

    @Test
    void shouldRefuseAnUnsupportedArchitectureNamingIt() throws IOException {
        Path folder = classifierCheckpoint(root.resolve("roberta"));
        JsonNode config = JSON.readTree(folder.resolve(ArtifactFiles.CONFIG).toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) config)
                .putArray("architectures")
                .add("BertLMHeadModel");
        Files.writeString(folder.resolve(ArtifactFiles.CONFIG), config.toString());

        assertThatThrownBy(() -> StartingPoint.fromCheckpoint(folder))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unsupported architecture 'BertLMHeadModel'");
    }

    /** The version's config and weights, and its tokenizer re-indented (same tokenizer, different bytes). */
    private static Path classifierCheckpoint(Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.copy(version.folder().resolve(ArtifactFiles.CONFIG), folder.resolve(ArtifactFiles.CONFIG));
        Files.copy(version.folder().resolve(ArtifactFiles.WEIGHTS), folder.resolve(ArtifactFiles.WEIGHTS));
        copyTokenizerReindented(folder);
        return folder;
    }

    /** A {@code BertModel} folder: the version's encoder cut to its first layers, names without {@code bert.}. */
    private static Path encoderCheckpoint(Path folder, int layers) throws IOException {
        Files.createDirectories(folder);
        BertConfig full = BertConfig.read(version.folder().resolve(ArtifactFiles.CONFIG));
        BertConfig cut = new BertConfig(
                full.vocabSize(),
                full.hiddenSize(),
                layers,
                full.numAttentionHeads(),
                full.intermediateSize(),
                full.maxPositionEmbeddings(),
                full.typeVocabSize(),
                full.layerNormEps(),
                full.hiddenDropoutProb(),
                full.attentionProbsDropoutProb());
        Files.writeString(folder.resolve(ArtifactFiles.CONFIG), cut.toJson().toString());
        NDList encoder = new NDList();
        for (Map.Entry<String, NDArray> tensor : tensors(version.folder()).entrySet()) {
            String name = tensor.getKey().replaceFirst("^bert\\.", "");
            Matcher layer = LAYER.matcher(name);
            boolean kept =
                    !name.startsWith("classifier.") && (!layer.matches() || Integer.parseInt(layer.group(1)) < layers);
            if (kept) {
                tensor.getValue().setName(name);
                encoder.add(tensor.getValue());
            }
        }
        try (OutputStream out = Files.newOutputStream(folder.resolve(ArtifactFiles.WEIGHTS))) {
            encoder.encode(out, NDList.Encoding.SAFETENSORS);
        }
        copyTokenizerReindented(folder);
        return folder;
    }

    private static void copyTokenizerReindented(Path folder) throws IOException {
        JsonNode tokenizer =
                JSON.readTree(version.folder().resolve(ArtifactFiles.TOKENIZER).toFile());
        Files.writeString(
                folder.resolve(ArtifactFiles.TOKENIZER),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tokenizer));
    }

    private static Map<String, NDArray> tensors(Path folder) throws IOException {
        return BertWeights.readSafetensors(folder.resolve(ArtifactFiles.WEIGHTS), manager);
    }
}
