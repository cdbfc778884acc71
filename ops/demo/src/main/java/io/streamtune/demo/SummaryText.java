package io.streamtune.demo;

import io.streamtune.demo.report.VersionDecision;
import io.streamtune.demo.report.WindowAccuracy;
import io.streamtune.schemas.FeedbackKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The end-of-run summary as lines of text. */
final class SummaryText {

    private SummaryText() {}

    static List<String> render(DemoResult result, DemoSettings settings) {
        List<String> lines = new ArrayList<>();
        lines.add(format(
                "Streamtune demo summary: run %s, model %s, %d events at %.1f/s, %s%s",
                result.runId(),
                result.modelName(),
                result.sent(),
                settings.rate(),
                Elapsed.format(result.elapsed()),
                result.cancelled() ? " (stopped early)" : ""));
        lines.add(format(
                "  version 1: bootstrapped on %d %s examples of the stream split; %s",
                settings.bootstrapSize(), settings.bootstrapDomain(), "every other domain is new to it"));
        lines.add(format(
                "  events: sent %d, classified %d, duplicates %d; overall accuracy %.3f",
                result.sent(), result.classified().size(), result.duplicates(), result.overallAccuracy()));
        lines.add(format(
                "  corrections sent: %d (%d with text, %d by id only) for %d wrong predictions (share %.2f)",
                result.corrections(),
                result.correctionsWithText(),
                result.corrections() - result.correctionsWithText(),
                result.wrong(),
                settings.correctShare()));
        if (settings.reviewPage().enabled()) {
            lines.add(reviewLine(result.reviewLabels()));
        }
        lines.add(format("  accuracy per window of %d events:", settings.window()));
        lines.add("    events        accuracy   served by");
        for (WindowAccuracy window : result.windows()) {
            lines.add(format(
                    "    %-13s %.3f      %s",
                    window.from() + "-" + (window.to() - 1),
                    window.accuracy(),
                    window.versions().stream().map(v -> "v" + v).collect(Collectors.joining(", "))));
        }
        lines.add("  versions:");
        result.decisions().forEach(decision -> lines.add("    " + describe(decision, result.takeovers())));
        if (result.decisions().size() <= 1) {
            lines.add("    (no training round finished)");
        }
        lines.add(format("  serving at the end: v%d", result.servedAtEnd()));
        if (result.testBefore().isPresent()) {
            lines.add(format(
                    "  test split (%d sentences): v1 %.3f -> v%d %s",
                    settings.testSize(),
                    result.testBefore().getAsDouble(),
                    result.servedAtEnd(),
                    result.testAfter().isPresent()
                            ? format("%.3f", result.testAfter().getAsDouble())
                            : "(same)"));
        }
        lines.add("  chart (HTML): " + result.files().html());
        lines.add("  chart (PNG):  " + result.files().png());
        lines.add("  this summary: " + result.files().summary());
        return lines;
    }

    static String describe(VersionDecision decision, List<WindowAccuracy.Takeover> takeovers) {
        Optional<WindowAccuracy.Takeover> takeover = takeovers.stream()
                .filter(t -> t.version() == decision.version())
                .findFirst();
        if (Double.isNaN(decision.inServiceAccuracy())) {
            return format(
                    "v%d %-8s holdout accuracy %.3f, macro-F1 %.3f (bootstrap), trained on %d%s",
                    decision.version(),
                    decision.status(),
                    decision.accuracy(),
                    decision.macroF1(),
                    decision.trainingSetSize(),
                    takeover.map(t -> ", served from event " + t.seq()).orElse(""));
        }
        return format(
                "v%d %-8s holdout accuracy %.3f (in service %.3f), macro-F1 %.3f (in service %.3f), trained on %d%s",
                decision.version(),
                decision.status(),
                decision.accuracy(),
                decision.inServiceAccuracy(),
                decision.macroF1(),
                decision.inServiceMacroF1(),
                decision.trainingSetSize(),
                takeover.map(t -> ", served from event " + t.seq()).orElse(""));
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }

    /** {@code labels from the review page: 3 (1 correction, 2 confirmations, 0 audits)}. */
    static String reviewLine(Map<FeedbackKind, Long> sent) {
        long corrections = sent.getOrDefault(FeedbackKind.CORRECTION, 0L);
        long confirmations = sent.getOrDefault(FeedbackKind.CONFIRMATION, 0L);
        long audits = sent.getOrDefault(FeedbackKind.AUDIT, 0L);
        return format(
                "  labels from the review page: %d (%d corrections, %d confirmations, %d audits)",
                corrections + confirmations + audits, corrections, confirmations, audits);
    }
}
