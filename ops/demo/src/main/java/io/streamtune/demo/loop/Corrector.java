package io.streamtune.demo.loop;

import io.streamtune.demo.report.ClassifiedEvent;
import io.streamtune.schemas.LabelCorrection;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;

/**
 * The person in the loop: looks at each classification, and for a wrong one, with probability {@code share},
 * sends the true label by event id. Every other correction carries the text; the others are id-only, so the
 * trainer takes the text from the classification. Right predictions are never touched.
 */
public final class Corrector {

    /** The annotator name of the demo's corrections. */
    public static final String ANNOTATOR = "demo-annotator";

    private final double share;
    private final Random random;
    private int sent;

    /**
     * @param share the share of wrong predictions to correct, 0 to 1
     * @param seed the seed of the choice
     */
    public Corrector(double share, long seed) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("correct share must be between 0 and 1, was " + share);
        }
        this.share = share;
        this.random = new Random(seed);
    }

    /** The correction to send for this classification, if any. */
    public Optional<LabelCorrection> review(ClassifiedEvent event, String text, Instant now) {
        if (event.correct() || random.nextDouble() >= share) {
            return Optional.empty();
        }
        boolean withText = sent % 2 == 0;
        sent++;
        return Optional.of(LabelCorrection.newBuilder()
                .setEventId(event.eventId())
                .setLabel(event.truth())
                .setText(withText ? text : null)
                .setAnnotator(ANNOTATOR)
                .setCorrectedTime(now)
                .setPreviousLabel(event.predicted())
                .build());
    }
}
