package io.streamtune.trainer.tuning;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.streamtune.model.artifact.ArtifactContent;
import io.streamtune.model.artifact.ArtifactFiles;
import io.streamtune.model.artifact.ModelArtifact;
import io.streamtune.model.artifact.ModelStore;
import io.streamtune.model.artifact.StoredVersion;
import io.streamtune.model.eval.EvaluationReport;
import io.streamtune.model.training.LabeledText;
import io.streamtune.model.training.ProgressListener;
import io.streamtune.model.training.TrainingProgress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A stand-in for BERT in round tests: each word votes for the labels it was trained with; fine-tuning from a
 * parent adds to the parent's votes, so it learns new corrections and remembers replayed ones. Deterministic and
 * fast. {@link #forgetful} makes the next candidate predict the first label only, to see the gate reject it.
 */
public final class WordVoteTuner implements ModelTuner {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Map<String, Integer>>> VOTES = new TypeReference<>() {};

    /** When true, candidates are trained on nothing. */
    public volatile boolean forgetful;

    @Override
    public StoredVersion fineTune(TuningJob job, ModelStore store, ProgressListener progress) throws IOException {
        return store.put(artifact(job, progress));
    }

    /** The candidate artifact of a job, without storing it. */
    public ModelArtifact artifact(TuningJob job, ProgressListener progress) throws IOException {
        Map<String, Map<String, Integer>> votes =
                job.parent().isPresent() && !forgetful ? read(job.parent().get()) : new HashMap<>();
        if (!forgetful) {
            for (LabeledText example : job.train()) {
                for (String word : words(example.text())) {
                    votes.computeIfAbsent(word, w -> new HashMap<>()).merge(example.label(), 3, Integer::sum);
                }
            }
        }
        progress.onProgress(new TrainingProgress(1, 1, 1, 1, 0.5, 1e-5, 100, Duration.ZERO, Duration.ZERO));
        byte[] weights = JSON.writeValueAsBytes(votes);
        return ModelArtifact.builder()
                .setModelName(job.modelName())
                .setVersion(job.version())
                .optParentVersion(job.parent().map(StoredVersion::version).orElse(null))
                .setLabels(job.labels())
                .setConfig(JsonNodeFactory.instance.objectNode().put("model_type", "bert"))
                .setWeights(ArtifactContent.ofBytes(weights))
                .setTokenizer(ArtifactContent.ofBytes("{}".getBytes(StandardCharsets.UTF_8)))
                .build();
    }

    @Override
    public EvaluationReport evaluate(StoredVersion version, List<String> labels, List<LabeledText> holdout)
            throws IOException {
        Map<String, Map<String, Integer>> votes = read(version);
        List<String> predicted = holdout.stream()
                .map(example -> predict(votes, labels, example.text()))
                .toList();
        List<String> truth = holdout.stream().map(LabeledText::label).toList();
        return EvaluationReport.of(labels, truth, predicted);
    }

    /** The label a stored version gives a text. */
    public String predict(StoredVersion version, List<String> labels, String text) throws IOException {
        return predict(read(version), labels, text);
    }

    private static String predict(Map<String, Map<String, Integer>> votes, List<String> labels, String text) {
        Map<String, Integer> total = new HashMap<>();
        for (String word : words(text)) {
            votes.getOrDefault(word, Map.of()).forEach((label, count) -> total.merge(label, count, Integer::sum));
        }
        String best = labels.get(0);
        for (String label : labels) {
            if (total.getOrDefault(label, 0) > total.getOrDefault(best, 0)) {
                best = label;
            }
        }
        return best;
    }

    private static Map<String, Map<String, Integer>> read(StoredVersion version) throws IOException {
        Map<String, Map<String, Integer>> votes =
                JSON.readValue(Files.readAllBytes(version.folder().resolve(ArtifactFiles.WEIGHTS)), VOTES);
        Map<String, Map<String, Integer>> copy = new HashMap<>();
        votes.forEach((word, counts) -> copy.put(word, new HashMap<>(counts)));
        return copy;
    }

    private static List<String> words(String text) {
        return List.of(text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+"));
    }
}
