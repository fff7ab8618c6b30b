package io.kubedl.persist.reliability.logging;

import java.util.ArrayList;
import java.util.List;

/**
 * The log events of every thread while it is open, fully rendered by
 * {@link CapturingAppender}. Use in try-with-resources around the code under test.
 */
public final class LogRecording implements AutoCloseable {
    private final List<Line> lines = new ArrayList<>();

    /**
     * One captured event.
     *
     * @param level DEBUG, INFO, ...
     * @param logger the logger's name
     * @param text the rendered event, throwables included
     */
    public record Line(String level, String logger, String text) {
    }

    private LogRecording() {
    }

    /** @return a recording that captures from now on */
    public static LogRecording start() {
        if (!CapturingAppender.installed()) {
            throw new IllegalStateException("the capturing appender is not installed; is logback-test.xml on the test class path?");
        }
        LogRecording recording = new LogRecording();
        CapturingAppender.open(recording);
        return recording;
    }

    synchronized void add(String level, String logger, String text) {
        lines.add(new Line(level, logger, text));
    }

    /** @return what was captured so far */
    public synchronized List<Line> lines() {
        return List.copyOf(lines);
    }

    /** @return every captured line joined by newlines */
    public synchronized String text() {
        StringBuilder b = new StringBuilder();
        for (Line line : lines) {
            b.append(line.text()).append('\n');
        }
        return b.toString();
    }

    @Override
    public void close() {
        CapturingAppender.close(this);
    }
}
