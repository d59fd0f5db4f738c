package net.mittoapi.sms.spring;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The log events of one logger (and the loggers below it) from the moment it is opened until closed, through
 * logback (the test binding): what a test asserts on instead of the console, whose timestamps and startup lines
 * a text search would trip over. While open, a logger's events go to the capture only, not to the console: a
 * passing build prints no warning (or stack trace) that a test provoked on purpose.
 */
final class LogCapture implements AutoCloseable {

    private final Logger logger;
    private final boolean additive;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private LogCapture(Logger logger) {
        this.logger = logger;
        this.additive = logger.isAdditive();
        appender.setName("LogCapture-" + System.identityHashCode(this));
        appender.start();
        logger.addAppender(appender);
        if (!Logger.ROOT_LOGGER_NAME.equals(logger.getName())) {
            logger.setAdditive(false); // what a test provokes and asserts on stays off the console
        }
    }

    /** @return a capture of {@code type}'s logger */
    static LogCapture of(Class<?> type) {
        return new LogCapture((Logger) LoggerFactory.getLogger(type));
    }

    /** @return a capture of the logger of that name */
    static LogCapture of(String name) {
        return new LogCapture((Logger) LoggerFactory.getLogger(name));
    }

    /** @return a capture of every logger (the root logger's appenders see them all) */
    static LogCapture all() {
        return new LogCapture((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME));
    }

    /** @return the formatted messages at {@code level}, in order */
    List<String> messages(Level level) {
        return events().stream().filter(event -> event.getLevel() == level).map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    /** @return every event as text: level, logger, formatted message and any stack trace */
    String text() {
        StringBuilder text = new StringBuilder();
        for (ILoggingEvent event : events()) {
            text.append(event.getLevel()).append(' ').append(event.getLoggerName()).append(" - ")
                    .append(event.getFormattedMessage()).append('\n');
            if (event.getThrowableProxy() != null) {
                text.append(ThrowableProxyUtil.asString(event.getThrowableProxy())).append('\n');
            }
        }
        return text.toString();
    }

    private List<ILoggingEvent> events() {
        synchronized (appender) {
            return List.copyOf(appender.list);
        }
    }

    @Override
    public void close() {
        logger.setAdditive(additive);
        logger.detachAppender(appender);
        appender.stop();
    }
}
