package io.streamtune.classifier.bench;

import io.streamtune.classifier.bench.ThreadCpuSnapshot.NamedSeconds;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The CPU seconds used between two {@link ThreadCpuSnapshot}s, by {@link CpuGroup}. A Java thread counts with its
 * full name's group; what the threads of one comm used beyond the Java threads of that comm is native work and counts
 * with the comm's group; what the process used beyond its live threads was used by threads that exited.
 *
 * @param seconds CPU seconds per group
 * @param wallSeconds the length of the window
 * @param busiest the busiest threads and processes, for checking the grouping by eye
 * @param children the child processes seen (the schema registry), with their CPU seconds
 */
record CpuBreakdown(Map<CpuGroup, Double> seconds, double wallSeconds, List<String> busiest, List<String> children) {

    static CpuBreakdown between(
            ThreadCpuSnapshot start,
            ThreadCpuSnapshot end,
            double wallSeconds,
            String modelCaller,
            String classifierId) {
        Map<CpuGroup, Double> seconds = new EnumMap<>(CpuGroup.class);
        for (CpuGroup group : CpuGroup.values()) {
            seconds.put(group, 0.0);
        }
        List<NamedUse> uses = new ArrayList<>();
        Map<String, Double> javaByComm = new HashMap<>();
        end.javaThreads().forEach((id, thread) -> {
            double used = used(start.javaThreads().get(id), thread);
            CpuGroup group = CpuGroup.ofJavaThread(thread.name(), modelCaller, classifierId);
            seconds.merge(group, used, Double::sum);
            javaByComm.merge(CpuGroup.comm(thread.name()), used, Double::sum);
            uses.add(new NamedUse(thread.name(), group, used));
        });
        Map<String, Double> tasksByComm = new HashMap<>();
        double liveTasks = 0;
        for (var entry : end.tasks().entrySet()) {
            double used = used(start.tasks().get(entry.getKey()), entry.getValue());
            tasksByComm.merge(entry.getValue().name(), used, Double::sum);
            liveTasks += used;
        }
        String modelCallerComm = CpuGroup.comm(modelCaller);
        tasksByComm.forEach((comm, used) -> {
            double nativeUse = Math.max(0, used - javaByComm.getOrDefault(comm, 0.0));
            CpuGroup group = CpuGroup.ofNativeThread(comm, modelCallerComm);
            seconds.merge(group, nativeUse, Double::sum);
            uses.add(new NamedUse("native '" + comm + "'", group, nativeUse));
        });
        seconds.merge(
                CpuGroup.EXITED, Math.max(0, end.processSeconds() - start.processSeconds() - liveTasks), Double::sum);
        List<String> children = new ArrayList<>();
        end.children().forEach((pid, child) -> {
            double used = used(start.children().get(pid), child);
            seconds.merge(CpuGroup.REGISTRY, used, Double::sum);
            children.add(String.format(Locale.ROOT, "pid %d %s %.2f s", pid, child.name(), used));
        });
        List<String> busiest = uses.stream()
                .sorted(Comparator.comparingDouble(NamedUse::seconds).reversed())
                .limit(15)
                .map(use -> String.format(Locale.ROOT, "%.2f s  %s  [%s]", use.seconds(), use.name(), use.group()))
                .toList();
        return new CpuBreakdown(seconds, wallSeconds, busiest, children);
    }

    private static double used(NamedSeconds before, NamedSeconds after) {
        return Math.max(0, after.seconds() - (before == null ? 0 : before.seconds()));
    }

    double total() {
        return seconds.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    double of(CpuGroup group) {
        return seconds.get(group);
    }

    /** CPU seconds of the classifier's own threads (model caller and its workers, its other threads). */
    double classifierOwn() {
        return seconds.entrySet().stream()
                .filter(entry -> entry.getKey().classifierOwn())
                .mapToDouble(Map.Entry::getValue)
                .sum();
    }

    /** A markdown table of CPU seconds and shares per group, one column per phase. */
    static String table(List<String> phases, List<CpuBreakdown> breakdowns) {
        StringBuilder table = new StringBuilder("| CPU by group, s (share) |");
        phases.forEach(phase -> table.append(' ').append(phase).append(" |"));
        table.append("\n|---|").append("---|".repeat(phases.size())).append('\n');
        for (CpuGroup group : CpuGroup.values()) {
            table.append("| ").append(group.label()).append(" |");
            for (CpuBreakdown breakdown : breakdowns) {
                table.append(String.format(
                        Locale.ROOT,
                        " %.1f (%.0f%%) |",
                        breakdown.of(group),
                        100 * breakdown.of(group) / breakdown.total()));
            }
            table.append('\n');
        }
        table.append("| total CPU / wall seconds (cores busy) |");
        for (CpuBreakdown breakdown : breakdowns) {
            table.append(String.format(
                    Locale.ROOT,
                    " %.1f / %.1f (%.2f) |",
                    breakdown.total(),
                    breakdown.wallSeconds(),
                    breakdown.total() / breakdown.wallSeconds()));
        }
        return table.append('\n').toString();
    }

    private record NamedUse(String name, CpuGroup group, double seconds) {}
}
