package io.streamtune.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs {@code streamtune} in its own JVM, as a user's shell would, and captures what it printed. */
final class CliProcess {

    record Result(int exitCode, String output) {}

    private CliProcess() {}

    static Result run(String... args) throws IOException, InterruptedException {
        return runIn(Path.of("").toAbsolutePath(), args);
    }

    /** Runs a command to its end in a working directory. */
    static Result runIn(Path directory, String... args) throws IOException, InterruptedException {
        Process process = builder(directory, args).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("streamtune " + String.join(" ", args) + " did not finish:\n" + output);
        }
        return new Result(process.exitValue(), output);
    }

    /** Starts a command that runs until stopped, such as {@code up}; its output is collected as it comes. */
    static Running start(Path directory, String... args) throws IOException {
        ProcessBuilder builder = builder(directory, args);
        if (SigintReset.AVAILABLE) {
            builder.command().addAll(0, SigintReset.PREFIX);
        }
        return new Running(builder.start(), String.join(" ", args));
    }

    /**
     * A command stopped with SIGINT must get SIGINT's default disposition whoever started the tests: a parent
     * started with {@code nohup} or {@code &} in a script ignores SIGINT, every child inherits that, and a JVM that
     * starts with SIGINT ignored installs no handler for it, so the command would never see the Ctrl-C the test sends.
     * GNU env's {@code --default-signal} resets it before starting the JVM (without it, the disposition stays
     * inherited, which is right whenever the tests run from a terminal).
     */
    private static final class SigintReset {
        static final List<String> PREFIX = List.of("env", "--default-signal=INT");
        static final boolean AVAILABLE = probe();

        private static boolean probe() {
            try {
                List<String> command = new ArrayList<>(PREFIX);
                command.add("true");
                Process process =
                        new ProcessBuilder(command).redirectErrorStream(true).start();
                process.getInputStream().readAllBytes();
                return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private static ProcessBuilder builder(Path directory, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
    }

    /** A command running in the background. */
    static final class Running implements AutoCloseable {

        private final Process process;
        private final String command;
        private final StringBuilder output = new StringBuilder();
        private final Thread reader;

        private Running(Process process, String command) {
            this.process = process;
            this.command = command;
            this.reader = new Thread(this::collect, "cli-output");
            reader.setDaemon(true);
            reader.start();
        }

        private void collect() {
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        }

        /** Everything printed so far. */
        String output() {
            synchronized (output) {
                return output.toString();
            }
        }

        /**
         * Waits for a line matching the pattern (searched with {@link Matcher#find()}).
         *
         * @return the match
         * @throws IllegalStateException when the process ends or the timeout passes first
         */
        Matcher awaitLine(Pattern pattern, Duration timeout) throws InterruptedException {
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline)) {
                Matcher matcher = pattern.matcher(output());
                if (matcher.find()) {
                    return matcher;
                }
                if (!process.isAlive()) {
                    reader.join(2_000);
                    break;
                }
                Thread.sleep(200);
            }
            throw new IllegalStateException("streamtune " + command + " printed no line matching " + pattern
                    + (process.isAlive() ? " within " + timeout.toSeconds() + " s" : " before it ended") + ":\n"
                    + output());
        }

        /** Sends SIGINT, as Ctrl-C in a terminal does, and waits for the exit code. */
        int interrupt(Duration timeout) throws IOException, InterruptedException {
            new ProcessBuilder("kill", "-INT", Long.toString(process.pid()))
                    .inheritIO()
                    .start()
                    .waitFor();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("streamtune " + command + " did not stop within " + timeout.toSeconds()
                        + " s of SIGINT:\n" + output());
            }
            reader.join(2_000);
            return process.exitValue();
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }
}
