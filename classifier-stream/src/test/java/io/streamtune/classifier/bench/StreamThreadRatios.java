package io.streamtune.classifier.bench;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * How a Kafka Streams thread split its time, from its JMX metrics ({@code stream-thread-metrics}): the shares of
 * polling, processing (our processor, model calls included), punctuating and committing, each averaged by Kafka
 * Streams over its last sample windows.
 */
final class StreamThreadRatios {

    private static final String[] RATIOS = {"poll-ratio", "process-ratio", "punctuate-ratio", "commit-ratio"};

    private StreamThreadRatios() {}

    static String of(String threadName) {
        StringBuilder text = new StringBuilder();
        for (String ratio : RATIOS) {
            text.append(String.format(
                    Locale.ROOT, "%s%s %.3f", text.isEmpty() ? "" : ", ", ratio, read(threadName, ratio)));
        }
        return text.toString();
    }

    private static double read(String threadName, String attribute) {
        try {
            ObjectName name = new ObjectName("kafka.streams:type=stream-thread-metrics,thread-id=" + threadName);
            Object value = ManagementFactory.getPlatformMBeanServer().getAttribute(name, attribute);
            return value instanceof Number number ? number.doubleValue() : Double.NaN;
        } catch (JMException e) {
            return Double.NaN;
        }
    }
}
