package io.streamtune.deployment;

import io.streamtune.classifier.deadletter.DeadLetterReason;
import io.streamtune.classifier.http.MetricsRenderer;
import io.streamtune.classifier.metrics.ClassifierMetrics;
import io.streamtune.trainer.round.RoundMetrics;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.JMException;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/** The Prometheus metric names the deployed system exposes, found from the applications themselves. */
final class ExportedMetrics {

    private ExportedMetrics() {}

    /** Every metric name in the classifier's real {@code /metrics} text (Kafka client metrics left out). */
    static Set<String> classifier() {
        ClassifierMetrics metrics = new ClassifierMetrics();
        metrics.recordAccepted();
        metrics.recordBatch(1, 5);
        metrics.recordClassified(1, 9);
        metrics.recordDeadLetter(DeadLetterReason.EMPTY_TEXT);
        metrics.recordReload(1);
        Map<MetricName, Metric> noKafkaMetrics = Map.of();
        String text = new MetricsRenderer(metrics, () -> noKafkaMetrics, "probe").render();
        Set<String> names = new TreeSet<>();
        text.lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .forEach(line -> names.add(line.split("[{ ]", 2)[0]));
        return names;
    }

    /** The names the JMX exporter gives the trainer's round metrics, read from the real MBean {@link RoundMetrics} registers. */
    static Set<String> trainerRounds(JmxExporterRules rules) throws JMException {
        Set<String> names = new TreeSet<>();
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        RoundMetrics roundMetrics = new RoundMetrics();
        try {
            ObjectName bean = new ObjectName("streamtune.trainer:type=" + RoundMetrics.GROUP);
            for (MBeanAttributeInfo attribute : server.getMBeanInfo(bean).getAttributes()) {
                rules.metricName("streamtune.trainer", "type=" + RoundMetrics.GROUP, attribute.getName())
                        .ifPresent(names::add);
            }
        } finally {
            roundMetrics.close();
        }
        return names;
    }

    /**
     * The names the JMX exporter gives the trainer's feedback counters. These are Kafka Streams sensors, registered
     * only inside a running topology, so the MBeans are derived from the source of {@code FeedbackMetrics} and Kafka
     * Streams' naming of {@code addRateTotalSensor}: group {@code stream-<scope>-metrics}, attribute
     * {@code <operation>-total}, tagged with the thread and the {@code <scope>-id}.
     */
    static Set<String> trainerFeedback(JmxExporterRules rules, Path repositoryRoot) throws IOException {
        String source = Files.readString(
                repositoryRoot.resolve("trainer/src/main/java/io/streamtune/trainer/feedback/FeedbackMetrics.java"));
        Matcher scope = Pattern.compile("SCOPE = \"([^\"]+)\"").matcher(source);
        if (!scope.find()) {
            throw new AssertionError("FeedbackMetrics no longer defines SCOPE: update this check");
        }
        String properties =
                "type=stream-" + scope.group(1) + "-metrics, thread-id=t-1, " + scope.group(1) + "-id=p-0_0";
        Set<String> names = new TreeSet<>();
        Matcher operation =
                Pattern.compile("sensor\\(context, entity, \"([^\"]+)\"\\)").matcher(source);
        while (operation.find()) {
            rules.metricName("kafka.streams", properties, operation.group(1) + "-total")
                    .ifPresent(names::add);
        }
        return names;
    }
}
