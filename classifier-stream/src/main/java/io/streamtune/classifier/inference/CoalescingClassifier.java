package io.streamtune.classifier.inference;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;

/**
 * Shares forward passes between callers (stream threads, HTTP threads): one pass runs at a time, and callers that
 * arrive meanwhile queue up; the next pass takes the waiting callers' texts together, whole callers in arrival order
 * up to {@code maxTexts} (a caller with more runs alone), and gives each caller its own slice of predictions and
 * embeddings, all of the one version that decided. Whoever holds the pass runs passes until its own texts are done,
 * so no caller waits on a pass nobody runs. When a shared pass fails, each of its callers is run again alone, so one
 * caller's bad text fails only that caller.
 */
public final class CoalescingClassifier implements BatchClassifier {

    private final BatchClassifier model;
    private final int maxTexts;
    private final PassObserver observer;
    private final Semaphore pass = new Semaphore(1);
    private final Queue<Caller> waiting = new ConcurrentLinkedQueue<>();

    /** Told of every pass: how many callers it served and how many texts it ran. */
    @FunctionalInterface
    public interface PassObserver {
        void passed(int callers, int texts);
    }

    /**
     * @param model the classifier that runs the passes
     * @param maxTexts the most texts one shared pass takes (the model's batch size)
     * @param observer told of every pass that answered
     */
    public CoalescingClassifier(BatchClassifier model, int maxTexts, PassObserver observer) {
        if (maxTexts < 1) {
            throw new IllegalArgumentException("a pass takes at least one text, not " + maxTexts);
        }
        this.model = model;
        this.maxTexts = maxTexts;
        this.observer = observer;
    }

    @Override
    public ClassifiedBatch classify(List<String> texts) {
        Caller caller = new Caller(List.copyOf(texts));
        waiting.add(caller);
        pass.acquireUninterruptibly();
        try {
            while (!caller.done()) {
                runOnePass();
            }
        } finally {
            pass.release();
        }
        return caller.outcome();
    }

    /** The callers queued for a pass, for tests and metrics. */
    int waitingCallers() {
        return waiting.size();
    }

    /** Takes the waiting callers that fit one pass (at least one) and answers them; holds {@link #pass}. */
    private void runOnePass() {
        List<Caller> group = new ArrayList<>();
        int size = 0;
        for (Caller next = waiting.peek();
                next != null && (group.isEmpty() || size + next.texts().size() <= maxTexts);
                next = waiting.peek()) {
            group.add(waiting.poll());
            size += next.texts().size();
        }
        if (group.size() == 1) {
            runAlone(group.get(0));
            return;
        }
        List<String> texts = new ArrayList<>(size);
        group.forEach(caller -> texts.addAll(caller.texts()));
        ClassifiedBatch shared;
        try {
            shared = model.classify(texts);
            if (shared.predictions().size() != size) {
                throw new IllegalStateException(
                        "classifier returned " + shared.predictions().size() + " predictions for " + size);
            }
        } catch (RuntimeException | Error e) {
            group.forEach(this::runAlone);
            return;
        }
        observer.passed(group.size(), size);
        int from = 0;
        for (Caller caller : group) {
            int to = from + caller.texts().size();
            caller.succeed(slice(shared, from, to));
            from = to;
        }
    }

    private void runAlone(Caller caller) {
        try {
            caller.succeed(model.classify(caller.texts()));
            observer.passed(1, caller.texts().size());
        } catch (RuntimeException | Error e) {
            caller.fail(e);
        }
    }

    private static ClassifiedBatch slice(ClassifiedBatch batch, int from, int to) {
        return new ClassifiedBatch(
                batch.modelName(),
                batch.modelVersion(),
                batch.predictions().subList(from, to),
                batch.embeddings().isEmpty() ? List.of() : batch.embeddings().subList(from, to));
    }

    /** One caller's texts and, once a pass answered them, its batch or failure. */
    private static final class Caller {

        private final List<String> texts;
        private volatile ClassifiedBatch batch;
        private volatile Throwable failure;

        Caller(List<String> texts) {
            this.texts = texts;
        }

        List<String> texts() {
            return texts;
        }

        void succeed(ClassifiedBatch answer) {
            this.batch = answer;
        }

        void fail(Throwable cause) {
            this.failure = cause;
        }

        boolean done() {
            return batch != null || failure != null;
        }

        ClassifiedBatch outcome() {
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            return batch;
        }
    }
}
