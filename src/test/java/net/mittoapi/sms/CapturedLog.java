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

    CapturedLog() {
        appender.start();
        logger.addAppender(appender);
        logger.setAdditive(false);
    }

    /** @return the WARN lines so far */
    List<ILoggingEvent> warnings() {
        synchronized (appender) { // logback appends under this lock, from whichever thread logs
            return appender.list.stream().filter(e -> e.getLevel() == Level.WARN).toList();
        }
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setAdditive(true);
    }
}
