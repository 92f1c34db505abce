package dev.closer.policy;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.nio.charset.StandardCharsets;

/**
 * Logback encoder that passes every formatted log line through the {@link Redactor}, so a secret
 * that reaches a log call (in a message, an argument or an exception text) never reaches stderr.
 * Logback builds encoders from its XML, outside the composition root, so this one reads the
 * process environment itself to learn which secrets the process holds.
 */
public final class RedactingLogEncoder extends PatternLayoutEncoder {

    private final Redactor redactor = new Redactor(java.util.List.of(), java.util.List.of(),
            Redactor.secretsIn(System.getenv()));

    @Override
    public byte[] encode(ILoggingEvent event) {
        String line = getLayout().doLayout(event);
        return redactor.redactText(line).getBytes(StandardCharsets.UTF_8);
    }
}
