package io.streamtune.classifier.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.streamtune.model.artifact.FileSystemModelStore;
import io.streamtune.model.artifact.StoredVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The classifier ({@code ClassifierApp.main}) with its broker and registry in a Linux network namespace that has only
 * loopback ({@code unshare --net}), every {@code connect} system call of the whole process tree recorded by {@code
 * strace}: it must classify events and never try an address other than loopback (DJL telemetry and downloads off
 * without any launcher setting). Skipped where unshare, ip or strace is missing or not permitted.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class NoEgressIT {

    private static final Pattern INET = Pattern.compile("sa_family=AF_INET, .*inet_addr\\(\"([^\"]+)\"\\)");
    private static final Pattern INET6 = Pattern.compile("sa_family=AF_INET6, .*inet_pton\\(AF_INET6, \"([^\"]+)\"");

    @TempDir
    Path folder;

    @Test
    void shouldClassifyWithOnlyLoopbackAndNeverTryAnotherAddress() throws Exception {
        assumeTrue(isolationAvailable(), "needs unshare --net (root or user namespaces), ip and strace");
        StoredVersion v1 = TinyBertVersions.write(new FileSystemModelStore(folder.resolve("store")), "sentiment", 1);
        Path trace = folder.resolve("connect.trace");
        Path log = folder.resolve("child.log");

        Process child = isolated(
                        trace,
                        List.of(
                                javaBinary(),
                                "-Xmx768m",
                                "-Dstreamtune.test.broker=in-process",
                                "-cp",
                                System.getProperty("java.class.path"),
                                IsolatedClassifierRun.class.getName(),
                                folder.toString(),
                                v1.manifestSha256()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean exited = child.waitFor(5, TimeUnit.MINUTES);
        if (!exited) {
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        keepForInspection(trace, log);

        assertThat(exited)
                .as("child finished in time; its log:%n%s", tail(output))
                .isTrue();
        assertThat(child.exitValue())
                .as("child exit code; its log:%n%s", tail(output))
                .isZero();
        assertThat(output).contains(IsolatedClassifierRun.SUCCESS);
        List<String> addresses = connectedAddresses(trace);
        System.out.printf(
                "NoEgressIT: %d connect() calls to IP addresses, distinct: %s%n",
                addresses.size(), addresses.stream().distinct().toList());
        assertThat(addresses).as("connect() calls recorded").isNotEmpty();
        assertThat(addresses).allSatisfy(address -> assertThat(isLoopback(address))
                .as("connect() to %s", address)
                .isTrue());
    }

    private static ProcessBuilder isolated(Path trace, List<String> command) {
        List<String> full = new ArrayList<>(List.of(
                "unshare",
                "--net",
                "sh",
                "-c",
                "ip link set lo up && exec strace -f -qq --seccomp-bpf -e trace=connect -o \"$0\" \"$@\"",
                trace.toString()));
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full);
        builder.environment().remove("DJL_OFFLINE");
        builder.environment().remove("OPT_OUT_TRACKING");
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        return builder;
    }

    /** Every IPv4 and IPv6 address a connect() call of the traced processes named. */
    static List<String> connectedAddresses(Path trace) throws IOException {
        List<String> addresses = new ArrayList<>();
        for (String line : Files.readAllLines(trace, StandardCharsets.UTF_8)) {
            if (!line.contains("connect(") || !line.contains("sa_family=AF_INET")) {
                continue;
            }
            Matcher inet6 = INET6.matcher(line);
            Matcher inet = INET.matcher(line);
            if (inet6.find()) {
                addresses.add(inet6.group(1));
            } else if (inet.find()) {
                addresses.add(inet.group(1));
            } else {
                throw new AssertionError("unparsed connect() in the trace: " + line);
            }
        }
        return addresses;
    }

    static boolean isLoopback(String address) {
        return address.startsWith("127.") || address.equals("::1") || address.startsWith("::ffff:127.");
    }

    private static boolean isolationAvailable() {
        if (!System.getProperty("os.name").toLowerCase().contains("linux")) {
            return false;
        }
        try {
            Process probe = new ProcessBuilder(
                            "unshare", "--net", "sh", "-c", "ip link set lo up && strace -qq -e trace=connect true")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Copies the trace and the child's log to {@code target/no-egress/} (the temporary folder is deleted). */
    private static void keepForInspection(Path trace, Path log) throws IOException {
        Path kept = Files.createDirectories(Path.of("target", "no-egress"));
        if (Files.exists(trace)) {
            Files.copy(trace, kept.resolve("connect.trace"), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.copy(log, kept.resolve("child.log"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String tail(String output) {
        return output.length() <= 6000 ? output : output.substring(output.length() - 6000);
    }
}
