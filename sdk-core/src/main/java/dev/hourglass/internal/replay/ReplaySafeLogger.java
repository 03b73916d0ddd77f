package dev.hourglass.internal.replay;

import static org.slf4j.spi.LocationAwareLogger.DEBUG_INT;
import static org.slf4j.spi.LocationAwareLogger.ERROR_INT;
import static org.slf4j.spi.LocationAwareLogger.INFO_INT;
import static org.slf4j.spi.LocationAwareLogger.TRACE_INT;
import static org.slf4j.spi.LocationAwareLogger.WARN_INT;

import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.NOPLogger;
import org.slf4j.helpers.NormalizedParameters;
import org.slf4j.spi.LocationAwareLogger;
import org.slf4j.spi.LoggingEventBuilder;
import org.slf4j.spi.NOPLoggingEventBuilder;

/**
 * A logger that is silent while the calling workflow code replays, so that each line is logged once: when
 * the code first makes progress, not again each time its execution is rebuilt from history.
 *
 * <p>While replaying, every logging call of every level is dropped, every {@code isXxxEnabled} and
 * {@link #isEnabledForLevel} answers {@code false} (so guarded work is skipped too), and the fluent calls
 * ({@code atInfo()}, {@link #atLevel}, {@link #makeLoggingEventBuilder}) return a builder that does nothing.
 * Otherwise every call goes to the delegate unchanged; the fluent calls return the delegate's own builder, so
 * markers, key-value pairs and caller data reach the backend as if the delegate had been called directly.
 *
 * <p>If the delegate is a {@link LocationAwareLogger} (Logback, Log4j), the classic calls go through its
 * {@link LocationAwareLogger#log} with this class as the caller boundary, so that a backend computing the
 * caller names the line of workflow code rather than this class. A {@code Throwable} that ends the arguments
 * is then passed as the exception, as SLF4J does.
 *
 * <p>Every method of {@link Logger} is overridden here, none left to a default method that would reach the
 * delegate unchecked. Parameters are named as in {@link Logger}, shortened ({@code m} for the marker,
 * {@code a} and {@code b} for the arguments) so that each call is one line.
 */
public final class ReplaySafeLogger implements Logger {

    private static final String FQCN = ReplaySafeLogger.class.getName();
    private static final Logger NOWHERE = NOPLogger.NOP_LOGGER;
    private static final LoggingEventBuilder NOTHING = NOPLoggingEventBuilder.singleton();

    private final Logger delegate;
    private final LocationAwareLogger located;
    private final BooleanSupplier replaying;

    private ReplaySafeLogger(Logger delegate, BooleanSupplier replaying) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.located = delegate instanceof LocationAwareLogger ? (LocationAwareLogger) delegate : null;
        this.replaying = Objects.requireNonNull(replaying, "replaying");
    }

    /** Returns a logger that is silent while the workflow code calling it replays; never {@code null}. */
    public static Logger wrap(Logger delegate) {
        return new ReplaySafeLogger(delegate, ReplaySafeLogger::workflowCodeReplays);
    }

    /** Returns a logger that is silent while {@code replaying} answers {@code true}; never {@code null}. */
    public static Logger wrap(Logger delegate, BooleanSupplier replaying) {
        return new ReplaySafeLogger(delegate, replaying);
    }

    private static boolean workflowCodeReplays() {
        WorkflowThread thread = WorkflowThread.current();
        return thread != null && thread.executor().isReplaying();
    }

    @Override
    public String getName() { return delegate.getName(); }

    @Override
    public String toString() { return "ReplaySafeLogger(" + delegate.getName() + ")"; }

    @Override
    public boolean isEnabledForLevel(Level level) { return !silent() && delegate.isEnabledForLevel(level); }
    @Override
    public LoggingEventBuilder atLevel(Level level) { return silent() ? NOTHING : delegate.atLevel(level); }
    @Override
    public LoggingEventBuilder makeLoggingEventBuilder(Level level) {
        return silent() ? NOTHING : delegate.makeLoggingEventBuilder(level);
    }

    @Override
    public boolean isTraceEnabled() { return !silent() && delegate.isTraceEnabled(); }
    @Override
    public boolean isTraceEnabled(Marker m) { return !silent() && delegate.isTraceEnabled(m); }
    @Override
    public LoggingEventBuilder atTrace() { return silent() ? NOTHING : delegate.atTrace(); }
    @Override
    public void trace(String msg) { to(null, TRACE_INT, msg).trace(msg); }
    @Override
    public void trace(String format, Object a) { to(null, TRACE_INT, format, a).trace(format, a); }
    @Override
    public void trace(String format, Object a, Object b) { to(null, TRACE_INT, format, a, b).trace(format, a, b); }
    @Override
    public void trace(String format, Object... args) { to(null, TRACE_INT, format, args).trace(format, args); }
    @Override
    public void trace(String msg, Throwable t) { to(null, TRACE_INT, msg, t).trace(msg, t); }
    @Override
    public void trace(Marker m, String msg) { to(m, TRACE_INT, msg).trace(m, msg); }
    @Override
    public void trace(Marker m, String format, Object a) { to(m, TRACE_INT, format, a).trace(m, format, a); }
    @Override
    public void trace(Marker m, String format, Object a, Object b) { to(m, TRACE_INT, format, a, b).trace(m, format, a, b); }
    @Override
    public void trace(Marker m, String format, Object... args) { to(m, TRACE_INT, format, args).trace(m, format, args); }
    @Override
    public void trace(Marker m, String msg, Throwable t) { to(m, TRACE_INT, msg, t).trace(m, msg, t); }

    @Override
    public boolean isDebugEnabled() { return !silent() && delegate.isDebugEnabled(); }
    @Override
    public boolean isDebugEnabled(Marker m) { return !silent() && delegate.isDebugEnabled(m); }
    @Override
    public LoggingEventBuilder atDebug() { return silent() ? NOTHING : delegate.atDebug(); }
    @Override
    public void debug(String msg) { to(null, DEBUG_INT, msg).debug(msg); }
    @Override
    public void debug(String format, Object a) { to(null, DEBUG_INT, format, a).debug(format, a); }
    @Override
    public void debug(String format, Object a, Object b) { to(null, DEBUG_INT, format, a, b).debug(format, a, b); }
    @Override
    public void debug(String format, Object... args) { to(null, DEBUG_INT, format, args).debug(format, args); }
    @Override
    public void debug(String msg, Throwable t) { to(null, DEBUG_INT, msg, t).debug(msg, t); }
    @Override
    public void debug(Marker m, String msg) { to(m, DEBUG_INT, msg).debug(m, msg); }
    @Override
    public void debug(Marker m, String format, Object a) { to(m, DEBUG_INT, format, a).debug(m, format, a); }
    @Override
    public void debug(Marker m, String format, Object a, Object b) { to(m, DEBUG_INT, format, a, b).debug(m, format, a, b); }
    @Override
    public void debug(Marker m, String format, Object... args) { to(m, DEBUG_INT, format, args).debug(m, format, args); }
    @Override
    public void debug(Marker m, String msg, Throwable t) { to(m, DEBUG_INT, msg, t).debug(m, msg, t); }

    @Override
    public boolean isInfoEnabled() { return !silent() && delegate.isInfoEnabled(); }
    @Override
    public boolean isInfoEnabled(Marker m) { return !silent() && delegate.isInfoEnabled(m); }
    @Override
    public LoggingEventBuilder atInfo() { return silent() ? NOTHING : delegate.atInfo(); }
    @Override
    public void info(String msg) { to(null, INFO_INT, msg).info(msg); }
    @Override
    public void info(String format, Object a) { to(null, INFO_INT, format, a).info(format, a); }
    @Override
    public void info(String format, Object a, Object b) { to(null, INFO_INT, format, a, b).info(format, a, b); }
    @Override
    public void info(String format, Object... args) { to(null, INFO_INT, format, args).info(format, args); }
    @Override
    public void info(String msg, Throwable t) { to(null, INFO_INT, msg, t).info(msg, t); }
    @Override
    public void info(Marker m, String msg) { to(m, INFO_INT, msg).info(m, msg); }
    @Override
    public void info(Marker m, String format, Object a) { to(m, INFO_INT, format, a).info(m, format, a); }
    @Override
    public void info(Marker m, String format, Object a, Object b) { to(m, INFO_INT, format, a, b).info(m, format, a, b); }
    @Override
    public void info(Marker m, String format, Object... args) { to(m, INFO_INT, format, args).info(m, format, args); }
    @Override
    public void info(Marker m, String msg, Throwable t) { to(m, INFO_INT, msg, t).info(m, msg, t); }

    @Override
    public boolean isWarnEnabled() { return !silent() && delegate.isWarnEnabled(); }
    @Override
    public boolean isWarnEnabled(Marker m) { return !silent() && delegate.isWarnEnabled(m); }
    @Override
    public LoggingEventBuilder atWarn() { return silent() ? NOTHING : delegate.atWarn(); }
    @Override
    public void warn(String msg) { to(null, WARN_INT, msg).warn(msg); }
    @Override
    public void warn(String format, Object a) { to(null, WARN_INT, format, a).warn(format, a); }
    @Override
    public void warn(String format, Object a, Object b) { to(null, WARN_INT, format, a, b).warn(format, a, b); }
    @Override
    public void warn(String format, Object... args) { to(null, WARN_INT, format, args).warn(format, args); }
    @Override
    public void warn(String msg, Throwable t) { to(null, WARN_INT, msg, t).warn(msg, t); }
    @Override
    public void warn(Marker m, String msg) { to(m, WARN_INT, msg).warn(m, msg); }
    @Override
    public void warn(Marker m, String format, Object a) { to(m, WARN_INT, format, a).warn(m, format, a); }
    @Override
    public void warn(Marker m, String format, Object a, Object b) { to(m, WARN_INT, format, a, b).warn(m, format, a, b); }
    @Override
    public void warn(Marker m, String format, Object... args) { to(m, WARN_INT, format, args).warn(m, format, args); }
    @Override
    public void warn(Marker m, String msg, Throwable t) { to(m, WARN_INT, msg, t).warn(m, msg, t); }

    @Override
    public boolean isErrorEnabled() { return !silent() && delegate.isErrorEnabled(); }
    @Override
    public boolean isErrorEnabled(Marker m) { return !silent() && delegate.isErrorEnabled(m); }
    @Override
    public LoggingEventBuilder atError() { return silent() ? NOTHING : delegate.atError(); }
    @Override
    public void error(String msg) { to(null, ERROR_INT, msg).error(msg); }
    @Override
    public void error(String format, Object a) { to(null, ERROR_INT, format, a).error(format, a); }
    @Override
    public void error(String format, Object a, Object b) { to(null, ERROR_INT, format, a, b).error(format, a, b); }
    @Override
    public void error(String format, Object... args) { to(null, ERROR_INT, format, args).error(format, args); }
    @Override
    public void error(String msg, Throwable t) { to(null, ERROR_INT, msg, t).error(msg, t); }
    @Override
    public void error(Marker m, String msg) { to(m, ERROR_INT, msg).error(m, msg); }
    @Override
    public void error(Marker m, String format, Object a) { to(m, ERROR_INT, format, a).error(m, format, a); }
    @Override
    public void error(Marker m, String format, Object a, Object b) { to(m, ERROR_INT, format, a, b).error(m, format, a, b); }
    @Override
    public void error(Marker m, String format, Object... args) { to(m, ERROR_INT, format, args).error(m, format, args); }
    @Override
    public void error(Marker m, String msg, Throwable t) { to(m, ERROR_INT, msg, t).error(m, msg, t); }

    private boolean silent() {
        return replaying.getAsBoolean();
    }

    /**
     * Returns the logger to make a classic call on: the delegate, or {@code NOWHERE} when the call is dropped
     * while replaying or was just logged through the location-aware delegate. One overload per shape of call,
     * so that a direct call costs no argument array.
     */
    private Logger to(Marker m, int level, String msg) {
        return located == null ? live() : logLocated(m, level, msg, null, null);
    }

    private Logger to(Marker m, int level, String format, Object a) {
        return located == null ? live() : logLocated(m, level, format, new Object[] {a}, null);
    }

    private Logger to(Marker m, int level, String format, Object a, Object b) {
        return located == null ? live() : logLocated(m, level, format, new Object[] {a, b}, null);
    }

    private Logger to(Marker m, int level, String format, Object[] args) {
        return located == null ? live() : logLocated(m, level, format, args, null);
    }

    private Logger to(Marker m, int level, String msg, Throwable t) {
        return located == null ? live() : logLocated(m, level, msg, null, t);
    }

    private Logger live() {
        return silent() ? NOWHERE : delegate;
    }

    private Logger logLocated(Marker m, int level, String msg, Object[] args, Throwable t) {
        if (!silent()) {
            NormalizedParameters normalized = NormalizedParameters.normalize(msg, args, t);
            located.log(m, FQCN, level, normalized.getMessage(), normalized.getArguments(), normalized.getThrowable());
        }
        return NOWHERE;
    }
}
