package io.streamtune.quality.report;

import java.util.List;

/** A learning curve under the name its chart line and legend entry carry. */
public record NamedCurve(String name, List<CurveStep> steps) {

    public NamedCurve {
        steps = List.copyOf(steps);
    }
}
