package io.streamtune.classifier.it;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Watches child classifiers from the outside, a few times a second: the version each one serves ({@code /model}, -1
 * when it does not answer) and the input partitions whose Kafka Streams task it runs (the {@code task_id} labels of
 * its {@code kafka_stream_task_metrics_*} samples on {@code /metrics}). Keeps each instance's changes with their
 * wall-clock time, so a classification can be attributed to the instance that ran its partition's task when it was
 * classified, and the swaps of a roll-out can be told.
 */
final class InstanceMonitor {

    static final long DOWN = -1;

    private static final long POLL_MS = 250;
    private static final Pattern VERSION = Pattern.compile("\"version\":(\\d+)");
    private static final Pattern TASK = Pattern.compile("kafka_stream_task_metrics_\\w+\\{[^}]*task_id=\"0_(\\d+)\"");

    /** What an instance looked like from {@code at} on. */
    record Observation(long at, long version, Set<Integer> partitions) {}

    private final Map<String, ChildClassifier> instances;
    private final Map<String, List<Observation>> history = new LinkedHashMap<>();
    private final Thread thread = new Thread(this::run, "instance-monitor");
    private volatile boolean running = true;

    InstanceMonitor(Map<String, ChildClassifier> instances) {
        this.instances = instances;
        instances.keySet().forEach(name -> history.put(name, new ArrayList<>()));
    }

    void start() {
        thread.setDaemon(true);
        thread.start();
    }

    /** The version the instance served at the last look, or {@link #DOWN}. */
    synchronized long served(String name) {
        List<Observation> seen = history.get(name);
        return seen.isEmpty() ? DOWN : seen.get(seen.size() - 1).version();
    }

    /** The first time every instance was seen serving {@code version} at once, if it happened. */
    synchronized Optional<Long> allServingSince(long version) {
        List<Observation> all = new ArrayList<>();
        history.values().forEach(all::addAll);
        all.sort((x, y) -> Long.compare(x.at(), y.at()));
        for (Observation candidate : all) {
            long at = candidate.at();
            boolean everyone = history.keySet().stream().allMatch(name -> versionAt(name, at) == version);
            if (everyone) {
                return Optional.of(at);
            }
        }
        return Optional.empty();
    }

    /**
     * The instance that ran the task of this input partition at this time: the one whose latest observation at or
     * before it lists the partition (the most recent such observation if two do, during a hand-over); else the first
     * to list it afterwards (a task that started between two looks).
     */
    synchronized Optional<String> owner(int partition, long at) {
        String owner = null;
        long latest = Long.MIN_VALUE;
        for (Map.Entry<String, List<Observation>> entry : history.entrySet()) {
            Observation last = lastAtOrBefore(entry.getValue(), at);
            if (last != null && last.partitions().contains(partition) && last.at() > latest) {
                owner = entry.getKey();
                latest = last.at();
            }
        }
        if (owner != null) {
            return Optional.of(owner);
        }
        long earliest = Long.MAX_VALUE;
        for (Map.Entry<String, List<Observation>> entry : history.entrySet()) {
            for (Observation later : entry.getValue()) {
                if (later.at() > at && later.partitions().contains(partition) && later.at() < earliest) {
                    owner = entry.getKey();
                    earliest = later.at();
                }
            }
        }
        return Optional.ofNullable(owner);
    }

    /** The changes of served version of one instance: e.g. "v1 -> down +3.1 s -> v2 +15.0 s" relative to origin. */
    synchronized String versionChanges(String name, long origin) {
        StringBuilder text = new StringBuilder();
        long previous = Long.MIN_VALUE;
        for (Observation seen : history.get(name)) {
            if (seen.version() == previous) {
                continue;
            }
            if (previous != Long.MIN_VALUE) {
                text.append(String.format(" -> %s at %+.1f s", label(seen.version()), (seen.at() - origin) / 1000.0));
            } else {
                text.append(label(seen.version()));
            }
            previous = seen.version();
        }
        return text.toString();
    }

    /**
     * How the instance came to serve {@code version} after {@code since}: "in place at +0.9 s" when it swapped while
     * running, "restarted onto it at +14.2 s" when it came back from a kill serving it, or "never".
     */
    synchronized String howItCameToServe(String name, long version, long since) {
        long previous = DOWN;
        for (Observation seen : history.get(name)) {
            if (seen.at() >= since && seen.version() == version && previous != version) {
                String how = previous == DOWN
                        ? "restarted onto v" + version
                        : "v" + previous + " -> v" + version + " in place";
                return String.format("%s at %+.1f s", how, (seen.at() - since) / 1000.0);
            }
            previous = seen.version();
        }
        return "never served v" + version;
    }

    void stop() throws InterruptedException {
        running = false;
        thread.join(5_000);
    }

    private void run() {
        while (running) {
            for (Map.Entry<String, ChildClassifier> entry : instances.entrySet()) {
                look(entry.getKey(), entry.getValue());
            }
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void look(String name, ChildClassifier child) {
        long version = DOWN;
        Set<Integer> partitions = Collections.emptySet();
        try {
            if (child.isAlive()) {
                Matcher matcher = VERSION.matcher(child.model());
                version = matcher.find() ? Long.parseLong(matcher.group(1)) : DOWN;
                partitions = tasks(child.metrics());
            }
        } catch (IOException e) {
            version = DOWN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        record(name, new Observation(System.currentTimeMillis(), version, partitions));
    }

    private synchronized void record(String name, Observation now) {
        List<Observation> seen = history.get(name);
        Observation last = seen.isEmpty() ? null : seen.get(seen.size() - 1);
        if (last == null
                || last.version() != now.version()
                || !last.partitions().equals(now.partitions())) {
            seen.add(now);
        }
    }

    private long versionAt(String name, long at) {
        Observation last = lastAtOrBefore(history.get(name), at);
        return last == null ? DOWN : last.version();
    }

    private static Observation lastAtOrBefore(List<Observation> seen, long at) {
        Observation last = null;
        for (Observation observation : seen) {
            if (observation.at() > at) {
                break;
            }
            last = observation;
        }
        return last;
    }

    private static Set<Integer> tasks(String metrics) {
        Set<Integer> partitions = new TreeSet<>();
        Matcher matcher = TASK.matcher(metrics);
        while (matcher.find()) {
            partitions.add(Integer.parseInt(matcher.group(1)));
        }
        return partitions;
    }

    private static String label(long version) {
        return version == DOWN ? "down" : "v" + version;
    }
}
