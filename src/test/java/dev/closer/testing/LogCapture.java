package dev.closer.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Every log line of Closer's loggers, at every level, while open (for canary-secret checks). */
public final class LogCapture implements AutoCloseable {

    private final Logger closer = (Logger) LoggerFactory.getLogger("dev.closer");
    private final Level level = closer.getLevel();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    public LogCapture() {
        appender.start();
        closer.addAppender(appender);
        closer.setLevel(Level.TRACE);
    }

    /** Each line as formatted, with its exception's message. */
    public List<String> lines() {
        return appender.list.stream().map(e -> e.getFormattedMessage()
                + (e.getThrowableProxy() == null ? "" : " " + e.getThrowableProxy().getMessage())).toList();
    }

    @Override
    public void close() {
        closer.detachAppender(appender);
        closer.setLevel(level);
    }
}
