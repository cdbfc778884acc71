package io.streamtune.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a command in a Linux network namespace that has only loopback ({@code unshare --net}, then {@code ip link set
 * lo up}) under {@code strace}, which records every {@code connect} system call of the whole process tree. A child
 * JVM started this way reaches only what it starts itself (e.g. a broker and a registry through {@link KafkaStack});
 * the trace shows whether anything tried another address. Needs root or unprivileged user namespaces, {@code ip}
 * and {@code strace}: check {@link #available()} in a JUnit assumption.
 */
public final class LoopbackOnly {

    private static final Pattern INET = Pattern.compile("sa_family=AF_INET, .*inet_addr\\(\"([^\"]+)\"\\)");
    private static final Pattern INET6 = Pattern.compile("sa_family=AF_INET6, .*inet_pton\\(AF_INET6, \"([^\"]+)\"");

    private LoopbackOnly() {}

    /** Whether this machine can run {@link #command}: Linux, unshare permitted, ip and strace present. */
    public static boolean available() {
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

    /**
     * A process builder for the command in a loopback-only namespace, its connect() calls traced to a file. DJL's
     * network settings ({@code DJL_OFFLINE}, {@code OPT_OUT_TRACKING}) and {@code JAVA_TOOL_OPTIONS} are removed
     * from its environment, so the application under test has to set them itself.
     */
    public static ProcessBuilder command(Path trace, List<String> command) {
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

    /** The java binary of this JVM, for a child JVM. */
    public static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Every IPv4 and IPv6 address that a traced connect() named, in order.
     *
     * @throws IllegalStateException naming a connect() line of the IP families that cannot be read
     */
    public static List<String> connectedAddresses(Path trace) throws IOException {
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
                throw new IllegalStateException(trace + ": unreadable connect() line: " + line);
            }
        }
        return addresses;
    }

    /** Whether an address from {@link #connectedAddresses} is loopback (127/8, ::1, or 127/8 mapped to IPv6). */
    public static boolean isLoopback(String address) {
        return address.startsWith("127.") || address.equals("::1") || address.startsWith("::ffff:127.");
    }
}
