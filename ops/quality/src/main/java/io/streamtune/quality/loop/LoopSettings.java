package io.streamtune.quality.loop;

/**
 * How the simulated loop runs, apart from the trainer's own configuration.
 *
 * @param seed the run seed (the annotator's draws)
 * @param correctShare the probability that the annotator corrects a wrong prediction (arrival without a budget)
 * @param window events per streaming window
 * @param annotator which items the annotator labels
 * @param budget labels per review window; 0 for today's arrival annotator (a share of every mistake)
 * @param reviewWindow events classified before the annotator chooses what to label (with a budget)
 * @param auditRate the share of streamed events drawn for the audit, labelled truly, never trained on
 */
public record LoopSettings(
        long seed,
        double correctShare,
        int window,
        Annotator annotator,
        int budget,
        int reviewWindow,
        double auditRate) {

    public LoopSettings {
        if (correctShare < 0 || correctShare > 1 || Double.isNaN(correctShare)) {
            throw new IllegalArgumentException("the correct share must be in [0, 1]: " + correctShare);
        }
        if (window < 1) {
            throw new IllegalArgumentException("the window must hold at least one event: " + window);
        }
        if (budget < 0 || (annotator == Annotator.UNCERTAIN && budget == 0)) {
            throw new IllegalArgumentException("--budget must be 1 or more for the uncertain annotator (0 only"
                    + " for arrival, meaning a share of every mistake): " + budget);
        }
        if (reviewWindow < 1 || reviewWindow < budget) {
            throw new IllegalArgumentException(
                    "--review-window must hold at least the budget (" + budget + ") and one event: " + reviewWindow);
        }
        if (auditRate < 0 || auditRate > 1 || Double.isNaN(auditRate)) {
            throw new IllegalArgumentException("--audit-rate must be in [0, 1]: " + auditRate);
        }
    }

    /** Today's loop: the arrival annotator corrects a share of every mistake, no audit. */
    public LoopSettings(long seed, double correctShare, int window) {
        this(seed, correctShare, window, Annotator.ARRIVAL, 0, Math.max(1, window), 0);
    }

    /** Whether the annotator labels a fixed number of items per review window. */
    boolean budgeted() {
        return budget > 0;
    }
}
