package io.streamtune.model.tokenize;

import java.util.ArrayList;
import java.util.List;

/**
 * The windows of several texts in one flat list, with the text each window belongs to: long texts are scored
 * window by window in shared batches, and the window scores pooled back into one score per text ({@link
 * #pool}).
 */
public final class TextWindows {

    /** How the scores of a text's windows become the text's score. */
    public enum Pooling {
        /** The mean of the windows' logits: every part of the text has a say. */
        MEAN,
        /** The largest logit of each class over the windows: one telling window decides. */
        MAX
    }

    private final List<TokenizedText> windows;
    private final int[] owners;
    private final int[] firstWindow;
    private final boolean[] truncated;

    private TextWindows(List<TokenizedText> windows, int[] owners, int[] firstWindow, boolean[] truncated) {
        this.windows = List.copyOf(windows);
        this.owners = owners;
        this.firstWindow = firstWindow;
        this.truncated = truncated;
    }

    /**
     * Flattens the windows of texts.
     *
     * @param perText for every text, its windows (at least one each), in input order
     * @param truncated for every text, whether word pieces were dropped to fit the window cap
     * @return the windows
     */
    static TextWindows of(List<List<TokenizedText>> perText, boolean[] truncated) {
        List<TokenizedText> flat = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        int[] first = new int[perText.size() + 1];
        for (int text = 0; text < perText.size(); text++) {
            first[text] = flat.size();
            if (perText.get(text).isEmpty()) {
                throw new IllegalArgumentException("text " + text + " has no window");
            }
            for (TokenizedText window : perText.get(text)) {
                flat.add(window);
                owners.add(text);
            }
        }
        first[perText.size()] = flat.size();
        return new TextWindows(flat, owners.stream().mapToInt(Integer::intValue).toArray(), first, truncated.clone());
    }

    /** @return the number of texts */
    public int textCount() {
        return truncated.length;
    }

    /** @return every window, the windows of text 0 first */
    public List<TokenizedText> windows() {
        return windows;
    }

    /**
     * @param text a text
     * @return the number of windows it was cut into
     */
    public int windowCount(int text) {
        return firstWindow[text + 1] - firstWindow[text];
    }

    /**
     * @param text a text
     * @return the index in {@link #windows()} of its first window
     */
    public int firstWindow(int text) {
        return firstWindow[text];
    }

    /**
     * @param window a window's index in {@link #windows()}
     * @return the text it belongs to
     */
    public int owner(int window) {
        return owners[window];
    }

    /**
     * @param text a text
     * @return whether word pieces of it were dropped (more windows than the cap, or head + tail truncation)
     */
    public boolean truncated(int text) {
        return truncated[text];
    }

    /**
     * @param text a text
     * @return the word pieces of all its windows, special tokens included
     */
    public int tokenCount(int text) {
        int tokens = 0;
        for (int w = firstWindow[text]; w < firstWindow[text + 1]; w++) {
            tokens += windows.get(w).length();
        }
        return tokens;
    }

    /**
     * Groups all windows by length into batches (see {@link BatchPlan}); results restored by the plan come back
     * in window order.
     *
     * @param batchSize the most windows per batch
     * @param padId the padding id
     * @return the plan
     */
    public BatchPlan plan(int batchSize, long padId) {
        return BatchPlan.byLength(windows, batchSize, padId);
    }

    /**
     * Pools window scores into text scores.
     *
     * @param windowLogits one row of logits per window, in window order
     * @param pooling how a text's windows are combined
     * @return one row of logits per text, in text order
     */
    public float[][] pool(List<float[]> windowLogits, Pooling pooling) {
        if (windowLogits.size() != windows.size()) {
            throw new IllegalArgumentException(windowLogits.size() + " logit rows for " + windows.size() + " windows");
        }
        float[][] pooled = new float[textCount()][];
        for (int text = 0; text < pooled.length; text++) {
            float[] row = windowLogits.get(firstWindow[text]).clone();
            for (int w = firstWindow[text] + 1; w < firstWindow[text + 1]; w++) {
                float[] next = windowLogits.get(w);
                for (int c = 0; c < row.length; c++) {
                    row[c] = pooling == Pooling.MAX ? Math.max(row[c], next[c]) : row[c] + next[c];
                }
            }
            if (pooling == Pooling.MEAN) {
                int count = windowCount(text);
                for (int c = 0; c < row.length; c++) {
                    row[c] /= count;
                }
            }
            pooled[text] = row;
        }
        return pooled;
    }
}
