package io.streamtune.quality.loop;

import java.util.List;

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
 */
public record RunResult(
        String proxy,
        long seed,
        int streamed,
        int streamCorrect,
        List<CurvePoint> curve,
        List<StreamWindow> windows,
        Score bagOfWordsAllLabels) {

    public RunResult {
        curve = List.copyOf(curve);
        windows = List.copyOf(windows);
        if (curve.isEmpty() || curve.get(0).outcome() != Outcome.BOOTSTRAP) {
            throw new IllegalArgumentException("a run's curve starts with bootstrap");
        }
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
