package io.streamtune.model.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Parameter;
import io.streamtune.model.bert.GradientMode;
import java.util.LinkedHashMap;
import java.util.Map;

/** A copy of a model's parameter values, to go back to the best holdout score on early stopping. */
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

    @Override
    public void close() {
        manager.close();
    }
}
