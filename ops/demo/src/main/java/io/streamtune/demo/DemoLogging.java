package io.streamtune.demo;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import java.nio.file.Path;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Keeps the console for the demo's own progress lines: the INFO lines of the services it runs (fine-tuning
 * evaluations, reloads, stack start-up) and DJL's warnings go to a log file of the run; other warnings and errors
 * still reach the console too. Does nothing when SLF4J is not bound to Logback.
 */
public final class DemoLogging {

    private static final String SERVICES = "io.streamtune";
    private static final String ENGINE = "ai.djl";

    private DemoLogging() {}

    /** Routes the services' logging to the file; returns whether it could. */
    public static boolean toFile(Path file) {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext context)) {
            return false;
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.iteratorForAppenders().forEachRemaining(appender -> appender.addFilter(new ServiceInfoFilter()));
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n");
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setName("demo-file");
        appender.setFile(file.toString());
        appender.setEncoder(encoder);
        appender.start();
        context.getLogger(SERVICES).addAppender(appender);
        context.getLogger(ENGINE).addAppender(appender);
        context.getLogger("org.apache.kafka").addAppender(appender);
        return true;
    }

    /**
     * Keeps off the console the services' lines below WARN and the engine's below ERROR (DJL's warnings are about
     * its native set-up, for the run's log file; its CUDA probe is quiet already, see streamtune-cli-logback.xml).
     */
    private static final class ServiceInfoFilter extends Filter<ILoggingEvent> {
        @Override
        public FilterReply decide(ILoggingEvent event) {
            String logger = event.getLoggerName();
            boolean quiet = logger.startsWith(SERVICES) && !event.getLevel().isGreaterOrEqual(Level.WARN)
                    || logger.startsWith(ENGINE) && !event.getLevel().isGreaterOrEqual(Level.ERROR);
            return quiet ? FilterReply.DENY : FilterReply.NEUTRAL;
        }
    }
}
