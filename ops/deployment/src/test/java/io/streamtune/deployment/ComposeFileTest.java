package io.streamtune.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** docker-compose.yml holds together: dependencies, mounted files, scrape targets, provisioned dashboards. */
class ComposeFileTest {

    private static ComposeFile compose;

    @BeforeAll
    static void loadCompose() throws IOException {
        compose = ComposeFile.load();
    }

    @Test
    void shouldDependOnlyOnServicesThatExist() {
        for (String service : compose.serviceNames()) {
            assertThat(compose.serviceNames()).as("depends_on of " + service).containsAll(compose.dependsOn(service));
        }
    }

    @Test
    void shouldStartTheAppsOnlyAfterTopicsExistAndVersionOneIsPublished() {
        for (String service : List.of("classifier-1", "classifier-2", "trainer")) {
            Map<String, Object> dependsOn = asMap(compose.service(service).get("depends_on"));
            assertThat(asMap(dependsOn.get("topic-init"))).containsEntry("condition", "service_completed_successfully");
            assertThat(asMap(dependsOn.get("trainer-bootstrap")))
                    .containsEntry("condition", "service_completed_successfully");
        }
    }

    @Test
    void shouldMountOnlyFilesThatExist() {
        for (String service : compose.serviceNames()) {
            for (String volume : compose.volumes(service)) {
                String source = volume.split(":")[0];
                if (source.startsWith("./")) {
                    assertThat(ComposeFile.ROOT.resolve(source))
                            .as(service + " mounts " + source)
                            .exists();
                }
            }
        }
    }

    @Test
    void shouldScrapeEveryMetricsEndpointOfTheApps() throws IOException {
        Path prometheusFile = compose.hostPathOf("prometheus", "/etc/prometheus/prometheus.yml")
                .orElseThrow();
        List<String> targets = scrapeTargets(prometheusFile);
        DeployedConfigs configs = new DeployedConfigs(compose);

        List<String> expected = new ArrayList<>();
        for (String service : compose.servicesWithImage("streamtune/classifier-stream")) {
            expected.add(service + ":" + configs.classifier(service).httpPort());
        }
        expected.add("trainer:" + configs.trainer("trainer").httpPort());
        expected.add("review:" + configs.review("review").httpPort());

        assertThat(targets).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void shouldProvisionTheDashboardFolderGrafanaMounts() throws IOException {
        Path providers =
                compose.hostPathOf("grafana", "/etc/grafana/provisioning").orElseThrow();
        Map<String, Object> provider = asMap(load(providers.resolve("dashboards/streamtune.yml"), "providers"));
        String dashboardPath = String.valueOf(asMap(provider.get("options")).get("path"));

        Path dashboards = compose.hostPathOf("grafana", dashboardPath).orElseThrow();
        assertThat(dashboards.resolve("streamtune.json")).exists();

        Map<String, Object> datasource = asMap(load(providers.resolve("datasources/prometheus.yml"), "datasources"));
        assertThat(datasource).containsEntry("url", "http://prometheus:9090");
        assertThat(Files.readString(dashboards.resolve("streamtune.json"))).contains(datasource.get("uid") + "\"");
    }

    private static List<String> scrapeTargets(Path prometheusFile) throws IOException {
        List<String> targets = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(prometheusFile)) {
            Map<String, Object> document = new Yaml().load(reader);
            for (Object job : (List<?>) document.get("scrape_configs")) {
                for (Object staticConfig : (List<?>) asMap(job).get("static_configs")) {
                    ((List<?>) asMap(staticConfig).get("targets")).forEach(t -> targets.add(String.valueOf(t)));
                }
            }
        }
        return targets;
    }

    /** The first entry of a top-level list of a provisioning file. */
    private static Object load(Path file, String listKey) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            Map<String, Object> document = new Yaml().load(reader);
            return ((List<?>) document.get(listKey)).get(0);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }
}
