package io.streamtune.model.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Parameter;
import io.streamtune.model.bert.GradientMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A copy of a model's parameter values: to go back to the best holdout score on early stopping, or to blend the
 * tuned values with the ones a run started from.
 */
final class ParameterSnapshot implements AutoCloseable {

    private final NDManager manager;
    private final Map<Parameter, NDArray> values = new LinkedHashMap<>();

    private ParameterSnapshot(NDManager manager) {
        this.manager = manager;
    }

    static ParameterSnapshot of(Map<String, Parameter> parameters, NDManager parent) {
        ParameterSnapshot snapshot = new ParameterSnapshot(parent.newSubManager());
        parameters.values().forEach(parameter -> {
            NDArray copy = parameter.getArray().duplicate();
            copy.attach(snapshot.manager);
            snapshot.values.put(parameter, copy);
        });
        return snapshot;
    }

    /** Writes the saved values back into the parameters, in place (over NaN too), without recording gradients. */
    void restore() {
        GradientMode.withoutGradients(() -> values.forEach((parameter, copy) -> {
            parameter.getArray().set(new NDIndex("..."), copy);
        }));
    }

    /**
     * Moves each parameter, in place and without recording gradients, to {@code saved + (1 - keep) * (current -
     * saved)}: {@code keep} 0 leaves it as it is, 1 would restore the saved value.
     *
     * @param keep the share of the saved values kept, in [0, 1]
     */
    void blendInto(float keep) {
        GradientMode.withoutGradients(() -> values.forEach((parameter, saved) -> {
            NDArray current = parameter.getArray();
            try (NDArray kept = saved.mul(keep);
                    NDArray blended = current.mul(1f - keep).addi(kept)) {
                current.set(new NDIndex("..."), blended);
            }
        }));
    }

    @Override
    public void close() {
        manager.close();
    }
}
