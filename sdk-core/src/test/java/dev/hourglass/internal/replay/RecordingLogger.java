package dev.hourglass.internal.replay;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.event.LoggingEvent;
import org.slf4j.spi.DefaultLoggingEventBuilder;
import org.slf4j.spi.LocationAwareLogger;
import org.slf4j.spi.LoggingEventAware;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * A logger that records every call it receives, in order: the method's name and the arguments as passed.
 *
 * <p>Every level is enabled. The fluent calls hand out a builder of their own (kept in {@link #builders}),
 * whose events come back to {@link #log(LoggingEvent)} and are recorded there.
 */
class RecordingLogger implements Logger, LoggingEventAware {

    /** One call received: the name of the method and its arguments, a varargs array as one argument. */
    record Call(String method, List<Object> args) {
    }

    final List<Call> calls = new ArrayList<>();
    final List<LoggingEventBuilder> builders = new ArrayList<>();

    void record(String method, Object... args) {
        calls.add(new Call(method, Arrays.asList(args)));
    }

    private boolean enabled(String method, Object... args) {
        record(method, args);
        return true;
    }

    private LoggingEventBuilder builder(Level level, String method, Object... args) {
        record(method, args);
        LoggingEventBuilder builder = new DefaultLoggingEventBuilder(this, level);
        builders.add(builder);
        return builder;
    }

    @Override
    public void log(LoggingEvent event) { record("log", event); }

    @Override
    public String getName() {
        record("getName");
        return "recording";
    }

    @Override
    public boolean isEnabledForLevel(Level level) { return enabled("isEnabledForLevel", level); }
    @Override
    public LoggingEventBuilder atLevel(Level level) { return builder(level, "atLevel", level); }
    @Override
    public LoggingEventBuilder makeLoggingEventBuilder(Level level) {
        return builder(level, "makeLoggingEventBuilder", level);
    }

    @Override
    public boolean isTraceEnabled() { return enabled("isTraceEnabled"); }
    @Override
    public boolean isTraceEnabled(Marker m) { return enabled("isTraceEnabled", m); }
    @Override
    public LoggingEventBuilder atTrace() { return builder(Level.TRACE, "atTrace"); }
    @Override
    public void trace(String msg) { record("trace", msg); }
    @Override
    public void trace(String format, Object a) { record("trace", format, a); }
    @Override
    public void trace(String format, Object a, Object b) { record("trace", format, a, b); }
    @Override
    public void trace(String format, Object... args) { record("trace", format, args); }
    @Override
    public void trace(String msg, Throwable t) { record("trace", msg, t); }
    @Override
    public void trace(Marker m, String msg) { record("trace", m, msg); }
    @Override
    public void trace(Marker m, String format, Object a) { record("trace", m, format, a); }
    @Override
    public void trace(Marker m, String format, Object a, Object b) { record("trace", m, format, a, b); }
    @Override
    public void trace(Marker m, String format, Object... args) { record("trace", m, format, args); }
    @Override
    public void trace(Marker m, String msg, Throwable t) { record("trace", m, msg, t); }

    @Override
    public boolean isDebugEnabled() { return enabled("isDebugEnabled"); }
    @Override
    public boolean isDebugEnabled(Marker m) { return enabled("isDebugEnabled", m); }
    @Override
    public LoggingEventBuilder atDebug() { return builder(Level.DEBUG, "atDebug"); }
    @Override
    public void debug(String msg) { record("debug", msg); }
    @Override
    public void debug(String format, Object a) { record("debug", format, a); }
    @Override
    public void debug(String format, Object a, Object b) { record("debug", format, a, b); }
    @Override
    public void debug(String format, Object... args) { record("debug", format, args); }
    @Override
    public void debug(String msg, Throwable t) { record("debug", msg, t); }
    @Override
    public void debug(Marker m, String msg) { record("debug", m, msg); }
    @Override
    public void debug(Marker m, String format, Object a) { record("debug", m, format, a); }
    @Override
    public void debug(Marker m, String format, Object a, Object b) { record("debug", m, format, a, b); }
    @Override
    public void debug(Marker m, String format, Object... args) { record("debug", m, format, args); }
    @Override
    public void debug(Marker m, String msg, Throwable t) { record("debug", m, msg, t); }

    @Override
    public boolean isInfoEnabled() { return enabled("isInfoEnabled"); }
    @Override
    public boolean isInfoEnabled(Marker m) { return enabled("isInfoEnabled", m); }
    @Override
    public LoggingEventBuilder atInfo() { return builder(Level.INFO, "atInfo"); }
    @Override
    public void info(String msg) { record("info", msg); }
    @Override
    public void info(String format, Object a) { record("info", format, a); }
    @Override
    public void info(String format, Object a, Object b) { record("info", format, a, b); }
    @Override
    public void info(String format, Object... args) { record("info", format, args); }
    @Override
    public void info(String msg, Throwable t) { record("info", msg, t); }
    @Override
    public void info(Marker m, String msg) { record("info", m, msg); }
    @Override
    public void info(Marker m, String format, Object a) { record("info", m, format, a); }
    @Override
    public void info(Marker m, String format, Object a, Object b) { record("info", m, format, a, b); }
    @Override
    public void info(Marker m, String format, Object... args) { record("info", m, format, args); }
    @Override
    public void info(Marker m, String msg, Throwable t) { record("info", m, msg, t); }

    @Override
    public boolean isWarnEnabled() { return enabled("isWarnEnabled"); }
    @Override
    public boolean isWarnEnabled(Marker m) { return enabled("isWarnEnabled", m); }
    @Override
    public LoggingEventBuilder atWarn() { return builder(Level.WARN, "atWarn"); }
    @Override
    public void warn(String msg) { record("warn", msg); }
    @Override
    public void warn(String format, Object a) { record("warn", format, a); }
    @Override
    public void warn(String format, Object a, Object b) { record("warn", format, a, b); }
    @Override
    public void warn(String format, Object... args) { record("warn", format, args); }
    @Override
    public void warn(String msg, Throwable t) { record("warn", msg, t); }
    @Override
    public void warn(Marker m, String msg) { record("warn", m, msg); }
    @Override
    public void warn(Marker m, String format, Object a) { record("warn", m, format, a); }
    @Override
    public void warn(Marker m, String format, Object a, Object b) { record("warn", m, format, a, b); }
    @Override
    public void warn(Marker m, String format, Object... args) { record("warn", m, format, args); }
    @Override
    public void warn(Marker m, String msg, Throwable t) { record("warn", m, msg, t); }

    @Override
    public boolean isErrorEnabled() { return enabled("isErrorEnabled"); }
    @Override
    public boolean isErrorEnabled(Marker m) { return enabled("isErrorEnabled", m); }
    @Override
    public LoggingEventBuilder atError() { return builder(Level.ERROR, "atError"); }
    @Override
    public void error(String msg) { record("error", msg); }
    @Override
    public void error(String format, Object a) { record("error", format, a); }
    @Override
    public void error(String format, Object a, Object b) { record("error", format, a, b); }
    @Override
    public void error(String format, Object... args) { record("error", format, args); }
    @Override
    public void error(String msg, Throwable t) { record("error", msg, t); }
    @Override
    public void error(Marker m, String msg) { record("error", m, msg); }
    @Override
    public void error(Marker m, String format, Object a) { record("error", m, format, a); }
    @Override
    public void error(Marker m, String format, Object a, Object b) { record("error", m, format, a, b); }
    @Override
    public void error(Marker m, String format, Object... args) { record("error", m, format, args); }
    @Override
    public void error(Marker m, String msg, Throwable t) { record("error", m, msg, t); }

    /** A recording logger that backends computing the caller implement: it also takes the caller boundary. */
    static final class LocationAware extends RecordingLogger implements LocationAwareLogger {
        @Override
        public void log(Marker m, String fqcn, int level, String msg, Object[] args, Throwable t) {
            record("log", m, fqcn, level, msg, args, t);
        }
    }
}
