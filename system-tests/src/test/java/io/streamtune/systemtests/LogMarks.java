package io.streamtune.systemtests;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;

/**
 * Notes when the services in this JVM first log a line matching each of some patterns: the time stamp of the log
 * event (taken when the line was logged) and the line itself. The phases of a round and of a reload are read from
 * the lines they log already, so nothing in the services is changed for measuring.
 */
final class LogMarks extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    /** The first line matching a pattern. */
    record Mark(long epochMillis, String message) {}

    private final Map<String, Pattern> patterns;
    private final Map<String, Mark> first = new ConcurrentHashMap<>();

    private LogMarks(Map<String, String> regexByName) {
        this.patterns = new LinkedHashMap<>();
        regexByName.forEach((name, regex) -> patterns.put(name, Pattern.compile(regex)));
    }

    /** Starts noting lines on the root logger. */
    static LogMarks attach(Map<String, String> regexByName) {
        LogMarks marks = new LogMarks(regexByName);
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        marks.setContext(context);
        marks.setName("log-marks");
        marks.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(marks);
        return marks;
    }

    @Override
    protected void append(ILoggingEvent event) {
        String message = event.getFormattedMessage();
        patterns.forEach((name, pattern) -> {
            if (!first.containsKey(name) && pattern.matcher(message).find()) {
                first.putIfAbsent(name, new Mark(event.getTimeStamp(), message));
            }
        });
    }

    Optional<Mark> mark(String name) {
        return Optional.ofNullable(first.get(name));
    }

    /** The time of a mark that must have been logged. */
    long time(String name) {
        return mark(name)
                .orElseThrow(() -> new IllegalStateException("nothing logged matched " + patterns.get(name)))
                .epochMillis();
    }

    @Override
    public void close() {
        LoggerContext context = (LoggerContext) getContext();
        context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(this);
        stop();
    }
}
