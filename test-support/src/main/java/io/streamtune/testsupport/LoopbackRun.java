package io.streamtune.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM on this test's class path run to its end under {@link LoopbackOnly}: whether it ended in time, its exit
 * code, its log and every address its process tree tried to connect to. The trace and the log are also copied to
 * {@code target/<name>/} for inspection, since the test's temporary folder is deleted.
 *
 * @param exited whether the child ended within the time given (it is killed otherwise)
 * @param exitValue its exit code, -1 when it did not end
 * @param output its standard output and error
 * @param addresses the IPv4 and IPv6 addresses of its connect() calls, in order
 */
public record LoopbackRun(boolean exited, int exitValue, String output, List<String> addresses) {

    private static final int TAIL_CHARS = 6000;

    /**
     * Runs {@code java <jvmOptions> -cp <this class path> <mainClass> <args>} in a loopback-only namespace.
     *
     * @param folder where the trace and the log are written
     * @param name the name of the copy under {@code target/}
     */
    public static LoopbackRun of(
            Path folder, String name, List<String> jvmOptions, Class<?> mainClass, List<String> args, Duration timeout)
            throws IOException, InterruptedException {
        Path trace = folder.resolve("connect.trace");
        Path log = folder.resolve("child.log");
        List<String> command = new ArrayList<>();
        command.add(LoopbackOnly.javaBinary());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass.getName()));
        command.addAll(args);
        Process child = LoopbackOnly.command(trace, command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean exited = child.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!exited) {
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        keep(trace, log, Path.of("target", name));
        List<String> addresses = Files.exists(trace) ? LoopbackOnly.connectedAddresses(trace) : List.of();
        return new LoopbackRun(
                exited, exited ? child.exitValue() : -1, Files.readString(log, StandardCharsets.UTF_8), addresses);
    }

    /** The addresses tried that are not loopback: empty when the child stayed on loopback. */
    public List<String> elsewhere() {
        return addresses.stream()
                .filter(address -> !LoopbackOnly.isLoopback(address))
                .toList();
    }

    /** The end of the child's log, for assertion messages. */
    public String tail() {
        return output.substring(Math.max(0, output.length() - TAIL_CHARS));
    }

    /** A line for the test's report: how many connect() calls, to which distinct addresses. */
    public String summary() {
        return addresses.size() + " connect() calls to IP addresses, distinct: "
                + addresses.stream().distinct().toList();
    }

    private static void keep(Path trace, Path log, Path kept) throws IOException {
        Files.createDirectories(kept);
        if (Files.exists(trace)) {
            Files.copy(trace, kept.resolve("connect.trace"), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.copy(log, kept.resolve("child.log"), StandardCopyOption.REPLACE_EXISTING);
    }
}
