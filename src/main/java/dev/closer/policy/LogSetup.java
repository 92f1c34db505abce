package dev.closer.policy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Locale;

/**
 * Logging set up in code rather than logback.xml: every line goes to stderr (stdout belongs to
 * MCP stdio) through the {@link RedactingLogEncoder}. Doing it in code also spares start-up the
 * XML parser, which matters for {@code closer stdio}'s cold start. Level: CLOSER_LOG_LEVEL.
 */
public final class LogSetup extends ContextAwareBase implements Configurator {

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        RedactingLogEncoder encoder = new RedactingLogEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{HH:mm:ss.SSS} %-5level [%X{trace_id:-}] %logger{24} - %msg%n");
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        var root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();
        root.addAppender(stderr);
        String level = System.getenv().getOrDefault("CLOSER_LOG_LEVEL", "INFO");
        root.setLevel(Level.toLevel(level.toUpperCase(Locale.ROOT), Level.INFO));
        for (String noisy : new String[]{"org.eclipse.jetty", "io.javalin", "io.modelcontextprotocol", "reactor"}) {
            context.getLogger(noisy).setLevel(Level.WARN);
        }
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
