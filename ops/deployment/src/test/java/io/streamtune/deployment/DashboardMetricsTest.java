package io.streamtune.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every query of the Grafana dashboard names a metric the classifiers or the trainer really expose. */
class DashboardMetricsTest {

    private static final Path DASHBOARD = ComposeFile.ROOT.resolve("ops/grafana/dashboards/streamtune.json");
    private static final Set<String> FUNCTIONS = Set.of("sum", "rate", "increase", "histogram_quantile", "max");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    private static Set<String> exported;
    private static List<String> queries;

    @BeforeAll
    static void collect() throws IOException {
        exported = new TreeSet<>(ExportedMetrics.classifier());
        exported.addAll(ExportedMetrics.trainer());
        exported.addAll(ExportedMetrics.review());
        queries = new ArrayList<>();
        new ObjectMapper().readTree(DASHBOARD.toFile()).findValues("expr").forEach(e -> queries.add(e.asText()));
    }

    @Test
    void shouldExportTheTrainerMetricsUnderTheExpectedNames() {
        assertThat(exported)
                .contains(
                        "streamtune_trainer_rounds_promoted_total",
                        "streamtune_trainer_round_loss",
                        "streamtune_trainer_fresh_corrections",
                        "streamtune_trainer_feedback_accepted_total",
                        "streamtune_trainer_feedback_dead_lettered_total");
    }

    @Test
    void shouldQueryOnlyExportedMetrics() {
        assertThat(queries).hasSizeGreaterThan(10);
        for (String query : queries) {
            for (String metric : metricsIn(query)) {
                assertThat(exported).as("metric %s of query %s", metric, query).contains(metric);
            }
        }
    }

    @Test
    void shouldShowEveryAspectOfTheSystem() {
        Set<String> used = new TreeSet<>();
        queries.forEach(query -> used.addAll(metricsIn(query)));

        assertThat(used)
                .contains(
                        "streamtune_classified_records_total",
                        "streamtune_inference_ms_bucket",
                        "streamtune_end_to_end_ms_bucket",
                        "streamtune_batch_size_bucket",
                        "streamtune_model_version_served",
                        "streamtune_dead_letters_total",
                        "streamtune_model_reloads_total",
                        "streamtune_model_reload_failures_total",
                        "streamtune_audited_accuracy",
                        "streamtune_audited_events");
    }

    @Test
    void shouldFindMetricNamesApartFromFunctionsAndLabels() {
        assertThat(metricsIn("histogram_quantile(0.95, sum by (le, instance_id) (rate(a_bucket{x=\"y\"}[1m])))"))
                .containsExactly("a_bucket");
    }

    /** The metric names of a PromQL query: identifiers that are not functions, grouping labels or label matchers. */
    static Set<String> metricsIn(String query) {
        String stripped = query.replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without)\\s*\\([^)]*\\)", " ");
        Set<String> metrics = new TreeSet<>();
        Matcher identifier = IDENTIFIER.matcher(stripped);
        while (identifier.find()) {
            String rest = stripped.substring(identifier.end()).stripLeading();
            if (rest.startsWith("(")) {
                assertThat(FUNCTIONS).as("function in " + query).contains(identifier.group());
            } else {
                metrics.add(identifier.group());
            }
        }
        return metrics;
    }
}
