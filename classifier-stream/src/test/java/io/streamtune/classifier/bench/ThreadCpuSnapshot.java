package io.streamtune.classifier.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * CPU time consumed so far by every thread of this JVM and by its child processes, read at one instant. Native
 * threads (PyTorch's OpenMP workers, the tokenizer's pool, GC, JIT, RocksDB) are seen only in {@code /proc} by their
 * 15-character {@code comm}; Java threads are also read through {@link ThreadMXBean} under their full names.
 *
 * @param tasks per thread id of this process: its comm and CPU seconds (user + system) from {@code /proc}
 * @param javaThreads per Java thread id: its full name and CPU seconds
 * @param processSeconds CPU seconds of the whole process, exited threads included
 * @param children per child process id: its command and CPU seconds (all its threads)
 */
record ThreadCpuSnapshot(
        Map<Long, NamedSeconds> tasks,
        Map<Long, NamedSeconds> javaThreads,
        double processSeconds,
        Map<Long, NamedSeconds> children) {

    /** Linux reports CPU time in clock ticks; 100 per second on every x86-64 kernel configuration in use. */
    private static final double TICKS_PER_SECOND = 100.0;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** A thread or process name and the CPU seconds it has used. */
    record NamedSeconds(String name, double seconds) {}

    static ThreadCpuSnapshot take() {
        Map<Long, NamedSeconds> tasks = new HashMap<>();
        try (Stream<Path> dirs = Files.list(Path.of("/proc/self/task"))) {
            dirs.forEach(dir -> readStat(dir.resolve("stat"))
                    .ifPresent(
                            stat -> tasks.put(Long.parseLong(dir.getFileName().toString()), stat)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc/self/task (Linux only)", e);
        }
        Map<Long, NamedSeconds> javaThreads = new HashMap<>();
        for (long id : THREADS.getAllThreadIds()) {
            long nanos = THREADS.getThreadCpuTime(id);
            var info = THREADS.getThreadInfo(id);
            if (nanos >= 0 && info != null) {
                javaThreads.put(id, new NamedSeconds(info.getThreadName(), nanos / 1e9));
            }
        }
        double process =
                readStat(Path.of("/proc/self/stat")).map(NamedSeconds::seconds).orElseThrow();
        Map<Long, NamedSeconds> children = new HashMap<>();
        ProcessHandle.current().descendants().forEach(child -> readStat(Path.of("/proc", child.pid() + "", "stat"))
                .ifPresent(stat -> children.put(
                        child.pid(), new NamedSeconds(child.info().command().orElse(stat.name()), stat.seconds()))));
        return new ThreadCpuSnapshot(tasks, javaThreads, process, children);
    }

    /** comm and utime + stime of a {@code stat} file, or empty if the thread or process is gone. */
    private static Optional<NamedSeconds> readStat(Path stat) {
        String line;
        try {
            line = Files.readString(stat);
        } catch (IOException e) {
            return Optional.empty();
        }
        int open = line.indexOf('(');
        int close = line.lastIndexOf(')');
        String comm = line.substring(open + 1, close);
        // fields after the comm, from field 3 (state): utime is field 14 and stime field 15 of the whole line
        String[] fields = line.substring(close + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return Optional.of(new NamedSeconds(comm, ticks / TICKS_PER_SECOND));
    }
}
