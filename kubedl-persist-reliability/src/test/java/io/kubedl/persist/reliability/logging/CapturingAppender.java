package io.kubedl.persist.reliability.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A logback appender that sees every event of the JVM at every level. It renders each
 * event fully (message with arguments, MDC, every throwable in the cause and
 * suppressed chain with its message and stack) and checks the text against every
 * registered secret at once, so a leak anywhere in the run is caught without keeping
 * the whole log in memory. Events are also kept while a {@link LogRecording} is open.
 */
public final class CapturingAppender extends AppenderBase<ILoggingEvent> {
    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();
    private static final List<String> LEAKS = new CopyOnWriteArrayList<>();
    private static final List<LogRecording> RECORDINGS = new CopyOnWriteArrayList<>();
    private static final AtomicLong EVENTS = new AtomicLong();
    private static volatile boolean installed;

    @Override
    public void start() {
        installed = true;
        super.start();
    }

    @Override
    protected void append(ILoggingEvent event) {
        EVENTS.incrementAndGet();
        String text = render(event);
        for (String secret : SECRETS) {
            if (text.contains(secret)) {
                LEAKS.add(text.length() > 2000 ? text.substring(0, 2000) + "..." : text);
            }
        }
        for (LogRecording recording : RECORDINGS) {
            recording.add(event.getLevel().toString(), event.getLoggerName(), text);
        }
    }

    /**
     * Every later log event is checked for this text.
     *
     * @param secret a password a test configures; blank values are ignored
     */
    public static void registerSecret(String secret) {
        if (secret != null && !secret.isBlank()) {
            SECRETS.add(secret);
        }
    }

    /** @return the registered secrets (for scanning other texts: toString, exception messages) */
    public static Set<String> secrets() {
        return Set.copyOf(SECRETS);
    }

    /** @return log lines that held a registered secret, since the JVM started */
    public static List<String> leaks() {
        return List.copyOf(LEAKS);
    }

    /** @return how many events this appender has seen */
    public static long eventCount() {
        return EVENTS.get();
    }

    /** @return true once logback has started this appender, i.e. the capture is live */
    public static boolean installed() {
        return installed;
    }

    static void open(LogRecording recording) {
        RECORDINGS.add(recording);
    }

    static void close(LogRecording recording) {
        RECORDINGS.remove(recording);
    }

    /** @param event a log event @return all its text: message, MDC, throwables and their stacks */
    static String render(ILoggingEvent event) {
        StringBuilder b = new StringBuilder();
        b.append(event.getLevel()).append(' ').append(event.getLoggerName()).append(" [").append(event.getThreadName())
                .append("] ").append(event.getFormattedMessage());
        if (event.getMDCPropertyMap() != null && !event.getMDCPropertyMap().isEmpty()) {
            b.append(" mdc=").append(event.getMDCPropertyMap());
        }
        List<IThrowableProxy> seen = new ArrayList<>();
        appendThrowable(b, event.getThrowableProxy(), seen);
        return b.toString();
    }

    private static void appendThrowable(StringBuilder b, IThrowableProxy t, List<IThrowableProxy> seen) {
        if (t == null || seen.contains(t)) {
            return;
        }
        seen.add(t);
        b.append("\n  ").append(t.getClassName()).append(": ").append(t.getMessage());
        if (t.getStackTraceElementProxyArray() != null) {
            for (StackTraceElementProxy frame : t.getStackTraceElementProxyArray()) {
                b.append("\n    ").append(frame.getSTEAsString());
            }
        }
        if (t.getSuppressed() != null) {
            for (IThrowableProxy s : t.getSuppressed()) {
                appendThrowable(b, s, seen);
            }
        }
        appendThrowable(b, t.getCause(), seen);
    }
}
