package net.mittoapi.sms;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The client's log lines (logger {@code net.mittoapi.sms.MittoClient}) while open, kept off the console: a
 * passing build prints no stack trace, and lines provoked on purpose are asserted on instead.
 */
final class CapturedLog implements AutoCloseable {

    private final Logger logger = (Logger) LoggerFactory.getLogger("net.mittoapi.sms.MittoClient");
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Level previous;

    /** Captures the lines of the configured levels (WARN and above: src/test/resources/logback-test.xml). */
    CapturedLog() {
        this(null);
    }

    /**
     * @param level the lowest level to capture while open (DEBUG, TRACE), the configured one when {@code null};
     *              the logger's level is restored on {@link #close()}
     */
    CapturedLog(Level level) {
        previous = logger.getLevel();
        if (level != null) {
            logger.setLevel(level);
        }
        appender.start();
        logger.addAppender(appender);
        logger.setAdditive(false);
    }

    /** @return the WARN lines so far */
    List<ILoggingEvent> warnings() {
        return at(Level.WARN);
    }

    /**
     * @param level a level
     * @return the lines of that level so far, in order
     */
    List<ILoggingEvent> at(Level level) {
        return all().stream().filter(e -> e.getLevel() == level).toList();
    }

    /** @return every line so far, in order */
    List<ILoggingEvent> all() {
        synchronized (appender) { // logback appends under this lock, from whichever thread logs
            return List.copyOf(appender.list);
        }
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setAdditive(true);
        logger.setLevel(previous);
    }
}
