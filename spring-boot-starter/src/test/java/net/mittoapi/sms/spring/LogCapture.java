package net.mittoapi.sms.spring;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.logging.LoggingApplicationListener;

/**
 * The log events of one logger (and the loggers below it) from the moment it is opened until closed, through
 * logback (the test binding): what a test asserts on instead of the console, whose timestamps and startup lines
 * a text search would trip over. While open, a logger's events go to the capture only, not to the console: a
 * passing build prints no warning (or stack trace) that a test provoked on purpose.
 */
final class LogCapture implements AutoCloseable {

    /** How Spring warns that a context failed to start: what a test that makes one fail on purpose expects. */
    static final String REFRESH_CANCELLED = "Exception encountered during context initialization - cancelling refresh"
            + " attempt: ";

    private final Logger logger;
    private final boolean additive;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    /** The root logger's own appenders (the console), set aside while a capture of every logger is open. */
    private final List<Appender<ILoggingEvent>> asideAppenders = new ArrayList<>();

    private LogCapture(Logger logger) {
        this.logger = logger;
        this.additive = logger.isAdditive();
        appender.setName("LogCapture-" + System.identityHashCode(this));
        appender.start();
        // What a test provokes and asserts on stays off the console.
        if (Logger.ROOT_LOGGER_NAME.equals(logger.getName())) {
            logger.iteratorForAppenders().forEachRemaining(asideAppenders::add);
            asideAppenders.forEach(logger::detachAppender);
        } else {
            logger.setAdditive(false);
        }
        logger.addAppender(appender);
    }

    /** @return a capture of {@code type}'s logger */
    static LogCapture of(Class<?> type) {
        return new LogCapture((Logger) LoggerFactory.getLogger(type));
    }

    /** @return a capture of the logger of that name */
    static LogCapture of(String name) {
        return new LogCapture((Logger) LoggerFactory.getLogger(name));
    }

    /** @return a capture of Spring's loggers (the framework's and Boot's: a failed start, its failure analysis) */
    static LogCapture spring() {
        return of("org.springframework");
    }

    /**
     * Spring Boot sets up logging as an application starts: it stops and resets logback, which detaches every
     * capture. Started without that set-up, an application logs through the tests' logback configuration, as
     * context runners do, and a capture open around its start sees what it logs (a failure analysis, say).
     *
     * @param application an application that a test starts while a capture is open
     * @return the application, without {@link LoggingApplicationListener}
     */
    static SpringApplication withoutLoggingSetUp(SpringApplication application) {
        application.setListeners(application.getListeners().stream()
                .filter(listener -> !(listener instanceof LoggingApplicationListener)).toList());
        return application;
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
        asideAppenders.forEach(logger::addAppender);
        appender.stop();
    }
}
