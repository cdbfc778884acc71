package io.streamtune.stack;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Java server running as its own operating-system process, known by a pid file and writing its
 * output to a log file. The pid file lets a later, separate invocation (a {@code stack down}) find and
 * stop a process that an earlier one started.
 */
public final class ServerProcess {

    private static final Logger LOG = LoggerFactory.getLogger(ServerProcess.class);
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final String name;
    private final String mainClass;
    private final Path pidFile;
    private final Path logFile;

    ServerProcess(String name, String mainClass, Path runDir, Path logDir) {
        this.name = name;
        this.mainClass = mainClass;
        this.pidFile = runDir.resolve(name + ".pid");
        this.logFile = logDir.resolve(name + ".log");
    }

    public String name() {
        return name;
    }

    public Path logFile() {
        return logFile;
    }

    /**
     * Launches {@code java <jvmOptions> -cp <classpath> <mainClass> <args>} and records its pid. A
     * detached process gets its own session (when {@code setsid} exists), so it outlives the launcher
     * and its terminal.
     */
    ProcessHandle start(String classpath, List<String> jvmOptions, List<String> args, boolean detached) {
        List<String> command = new ArrayList<>();
        if (detached && Files.isExecutable(SETSID)) {
            command.add(SETSID.toString());
        }
        command.add(javaExecutable());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(args);
        try {
            Files.createDirectories(pidFile.getParent());
            Files.createDirectories(logFile.getParent());
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            Files.writeString(pidFile, Long.toString(process.pid()), StandardCharsets.US_ASCII);
            LOG.info("Started {} as pid {}, log {}", name, process.pid(), logFile);
            return process.toHandle();
        } catch (IOException e) {
            throw new StackException("Cannot start the " + name + " process: " + e.getMessage(), e);
        }
    }

    /** The live process this pid file names, if it is still our server (a reused pid is ignored). */
    public Optional<ProcessHandle> running() {
        return readPid()
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(this::isOurs);
    }

    /** Stops the process gracefully (SIGTERM), forcibly after the grace period; removes the pid file. */
    public boolean stop(Duration grace) {
        Optional<ProcessHandle> process = running();
        process.ifPresentOrElse(
                handle -> terminate(handle, grace),
                () -> LOG.debug("No running {} process (pid file {}: {})", name, pidFile, readPid()));
        deletePidFile();
        return process.isPresent();
    }

    /** The last lines of the log, for error messages. */
    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log at " + logFile + ")";
        }
    }

    private void terminate(ProcessHandle handle, Duration grace) {
        LOG.info("Stopping {} (pid {})", name, handle.pid());
        handle.destroy();
        try {
            handle.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            handle.destroyForcibly();
        } catch (Exception e) {
            LOG.warn("{} (pid {}) did not stop within {}; killing it", name, handle.pid(), grace);
            handle.destroyForcibly();
        }
    }

    /**
     * A pid can be reused once our process is gone. Ours started before its pid file was written; a
     * stranger that got the same number later started after. (The command line is no help: Linux
     * truncates long ones, and a server classpath is long.)
     */
    private boolean isOurs(ProcessHandle handle) {
        Optional<Instant> started = handle.info().startInstant();
        if (started.isEmpty()) {
            return true;
        }
        try {
            Instant written = Files.getLastModifiedTime(pidFile).toInstant();
            return !started.get().isAfter(written.plusSeconds(1));
        } catch (IOException e) {
            return false;
        }
    }

    private Optional<Long> readPid() {
        try {
            return Optional.of(Long.parseLong(
                    Files.readString(pidFile, StandardCharsets.US_ASCII).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void deletePidFile() {
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            LOG.warn("Cannot delete pid file {}", pidFile, e);
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
