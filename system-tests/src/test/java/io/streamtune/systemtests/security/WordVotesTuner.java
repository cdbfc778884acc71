package io.streamtune.systemtests.security;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.streamtune.model.artifact.ArtifactContent;
import io.streamtune.model.artifact.ArtifactFiles;
import io.streamtune.model.artifact.ModelArtifact;
import io.streamtune.model.artifact.ModelStore;
import io.streamtune.model.artifact.StoredVersion;
import io.streamtune.model.eval.EvaluationReport;
import io.streamtune.model.training.LabeledText;
import io.streamtune.model.training.ProgressListener;
import io.streamtune.trainer.tuning.ModelTuner;
import io.streamtune.trainer.tuning.TuningJob;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

/**
 * The trainer's tuner in the security test: a candidate is its parent's {@link WordVotes} plus the votes of the new
 * examples, written to the model store as a real, checksummed artifact. Instant, deterministic, and what it learns
 * shows in what the classifier says, so the test can tell version 2 from version 1 by behaviour.
 */
public final class WordVotesTuner implements ModelTuner {

    @Override
    public StoredVersion fineTune(TuningJob job, ModelStore store, ProgressListener progress) throws IOException {
        WordVotes votes = job.parent().isPresent() ? read(job.parent().get()) : WordVotes.empty();
        job.train().forEach(example -> votes.learn(example.text(), example.label()));
        ModelArtifact artifact = ModelArtifact.builder()
                .setModelName(job.modelName())
                .setVersion(job.version())
                .optParentVersion(job.parent().map(StoredVersion::version).orElse(null))
                .setLabels(job.labels())
                .setConfig(JsonNodeFactory.instance.objectNode().put("model_type", "bert"))
                .setWeights(ArtifactContent.ofBytes(votes.toBytes()))
                .setTokenizer(ArtifactContent.ofBytes("{}".getBytes(StandardCharsets.UTF_8)))
                .build();
        return store.put(artifact);
    }

    @Override
    public EvaluationReport evaluate(StoredVersion version, List<String> labels, List<LabeledText> holdout)
            throws IOException {
        WordVotes votes = read(version);
        List<String> truth = holdout.stream().map(LabeledText::label).toList();
        List<String> predicted = holdout.stream()
                .map(example -> votes.predict(labels, example.text()))
                .toList();
        return EvaluationReport.of(labels, truth, predicted);
    }

    static WordVotes read(StoredVersion version) throws IOException {
        return WordVotes.parse(Files.readAllBytes(version.folder().resolve(ArtifactFiles.WEIGHTS)));
    }
}
