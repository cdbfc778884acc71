package io.streamtune.quality.loop;

import io.streamtune.review.accuracy.VersionAccuracy;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one run of the loop on one proxy and seed measured.
 *
 * @param proxy the proxy's name
 * @param seed the run seed
 * @param streamed events streamed
 * @param streamCorrect streamed events the version in service classified right
 * @param curve bootstrap, then every round
 * @param windows the stream in windows
 * @param bagOfWordsAllLabels the baseline trained on the seed and every streamed event with its true label
 * @param audited each version's accuracy on the audited streamed events it classified, by version (empty without
 *     an audit)
 */
public record RunResult(
        String proxy,
        long seed,
        int streamed,
        int streamCorrect,
        List<CurvePoint> curve,
        List<StreamWindow> windows,
        Score bagOfWordsAllLabels,
        Map<Long, VersionAccuracy> audited) {

    public RunResult {
        curve = List.copyOf(curve);
        windows = List.copyOf(windows);
        audited = Map.copyOf(audited);
        if (curve.isEmpty() || curve.get(0).outcome() != Outcome.BOOTSTRAP) {
            throw new IllegalArgumentException("a run's curve starts with bootstrap");
        }
    }

    /** A run without an audit. */
    public RunResult(
            String proxy,
            long seed,
            int streamed,
            int streamCorrect,
            List<CurvePoint> curve,
            List<StreamWindow> windows,
            Score bagOfWordsAllLabels) {
        this(proxy, seed, streamed, streamCorrect, curve, windows, bagOfWordsAllLabels, Map.of());
    }

    /** The audit's estimate of a version's accuracy, if any of its classifications were audited. */
    public Optional<VersionAccuracy> audit(long version) {
        return Optional.ofNullable(audited.get(version));
    }

    /** Accuracy over the whole stream while it ran. */
    public double streamAccuracy() {
        return streamed == 0 ? Double.NaN : (double) streamCorrect / streamed;
    }

    /** After bootstrap: version 1. */
    public CurvePoint bootstrap() {
        return curve.get(0);
    }

    /** After the last round (or bootstrap when there was none). */
    public CurvePoint last() {
        return curve.get(curve.size() - 1);
    }

    public long roundsRun() {
        return curve.stream().filter(CurvePoint::isRound).count();
    }

    public long roundsPromoted() {
        return curve.stream()
                .filter(point -> point.outcome() == Outcome.PROMOTED)
                .count();
    }

    /** Mean wall seconds of the rounds that trained a candidate; NaN without any. */
    public double meanRoundSeconds() {
        return curve.stream()
                .filter(CurvePoint::isRound)
                .mapToDouble(CurvePoint::seconds)
                .average()
                .orElse(Double.NaN);
    }
}
