package io.streamtune.cli.models;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamtune.schemas.ModelStatus;
import io.streamtune.schemas.ModelVersion;
import io.streamtune.schemas.versions.ModelVersionHistory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VersionTableTest {

    @Test
    void shouldShowAuditedAccuracyWithItsSampleSizeBesideTheHoldoutAccuracy() {
        ModelVersionHistory history = new ModelVersionHistory();
        history.accept(PromotionsTest.version(1, ModelStatus.PROMOTED, "file:///m/1/"), 100, 0);
        ModelVersion audited = ModelVersion.newBuilder(PromotionsTest.version(2, ModelStatus.PROMOTED, "file:///m/2/"))
                .setMetrics(Map.of(
                        "accuracy",
                        0.61,
                        "macroF1",
                        0.58,
                        "auditHoldout.accuracy",
                        0.8125,
                        "auditHoldout.examples",
                        48.0))
                .setParentVersion(1L)
                .build();
        history.accept(audited, 200, 1);

        List<String> lines = VersionTable.list(
                        "sentiment", history.versions("sentiment"), history.inService("sentiment"))
                .lines()
                .toList();

        assertThat(lines.get(1)).contains("HOLDOUT ACC", "MACRO-F1", "AUDITED ACC (N)");
        assertThat(lines.get(1).indexOf("AUDITED ACC (N)"))
                .isGreaterThan(lines.get(1).indexOf("HOLDOUT ACC"));
        assertThat(lines.get(2)).matches("v1 .* 0\\.9000 +0\\.8500 +- +-");
        assertThat(lines.get(3)).matches("v2 .* 0\\.6100 +0\\.5800 +0\\.8125 \\(48\\) +v1");
    }
}
