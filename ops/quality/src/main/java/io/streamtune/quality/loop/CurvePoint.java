package io.streamtune.quality.loop;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The loop after bootstrap (step 0) or after a round (step 1, 2, ...).
 *
 * @param step 0 for bootstrap, then the round number
 * @param streamed events streamed so far
 * @param labelsUsed seed examples plus corrections so far
 * @param outcome bootstrap, promoted, rejected or skipped
 * @param candidateVersion the version trained in this step, 0 when skipped
 * @param versionInService the version in service after the step
 * @param trainedOn examples the candidate was trained on (new corrections plus replay; the seed minus its holdout
 *     for bootstrap)
 * @param gateCandidate the candidate's gate metric on the trainer's holdout
 * @param gateInService the serving version's gate metric on the same holdout (NaN for bootstrap)
 * @param seconds wall time of the trainer's bootstrap or round
 * @param test the version in service on the test split
 * @param candidateTest the candidate on the test split (equal to {@code test} when promoted)
 * @param bagOfWords the baseline trained on the same labels, on the test split
 * @param bootstrapHoldout the version in service on the seed examples the trainer held out at bootstrap (never
 *     trained on): how much of what version 1 knew later rounds forget
 * @param fusion the version in service on the test split at each fusion weight of its lexical model and by the
 *     lexical model alone, keyed by {@link #FUSION_KEYS} (w=0 is BERT alone)
 */
public record CurvePoint(
        int step,
        int streamed,
        int labelsUsed,
        Outcome outcome,
        long candidateVersion,
        long versionInService,
        int trainedOn,
        double gateCandidate,
        double gateInService,
        double seconds,
        Score test,
        Score candidateTest,
        Score bagOfWords,
        Score bootstrapHoldout,
        Map<String, Score> fusion) {

    /** The keys of {@link #fusion()}, in report order. */
    public static final List<String> FUSION_KEYS = Stream.concat(
                    ServingModel.SWEEP_WEIGHTS.stream().map(ServingModel::sweepKey),
                    Stream.of(ServingModel.LEXICAL_ALONE))
            .toList();

    public CurvePoint {
        fusion = Map.copyOf(fusion);
    }

    /** The score under a key of {@link #FUSION_KEYS}; {@link Score#NONE} when it was not measured. */
    public Score fusion(String key) {
        return fusion.getOrDefault(key, Score.NONE);
    }

    /** Whether this step was a round that trained a candidate. */
    public boolean isRound() {
        return outcome == Outcome.PROMOTED || outcome == Outcome.REJECTED;
    }
}
