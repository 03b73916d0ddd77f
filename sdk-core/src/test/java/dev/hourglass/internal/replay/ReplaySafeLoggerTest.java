package dev.hourglass.internal.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.tuple;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;
import org.slf4j.event.Level;
import org.slf4j.event.LoggingEvent;
import org.slf4j.spi.LocationAwareLogger;
import org.slf4j.spi.LoggingEventBuilder;
import org.slf4j.spi.NOPLoggingEventBuilder;

/**
 * Drives {@link ReplaySafeLogger} through every public method of {@link Logger}, found by reflection, so that a
 * method SLF4J adds later is covered without touching this test.
 *
 * <p>Methods are told apart by what they return: {@code void} ones are logging calls, {@code boolean} ones
 * level checks, {@link LoggingEventBuilder} ones fluent calls.
 */
class ReplaySafeLoggerTest {

    private static final BooleanSupplier REPLAYING = () -> true;
    private static final BooleanSupplier LIVE = () -> false;
    private static final Marker AUDIT = MarkerFactory.getMarker("AUDIT");
    private static final Throwable FAILURE = new IllegalStateException("transfer failed");
    private static final String FQCN = ReplaySafeLogger.class.getName();
    private static final Map<String, Integer> LEVELS = Map.of("trace", LocationAwareLogger.TRACE_INT,
            "debug", LocationAwareLogger.DEBUG_INT, "info", LocationAwareLogger.INFO_INT,
            "warn", LocationAwareLogger.WARN_INT, "error", LocationAwareLogger.ERROR_INT);

    static Stream<Method> loggerMethods() {
        return Arrays.stream(Logger.class.getMethods())
                .filter(method -> !Modifier.isStatic(method.getModifiers()))
                .sorted(Comparator.comparing(Method::toGenericString));
    }

    static Stream<Method> loggingCalls() {
        return loggerMethods().filter(method -> method.getReturnType() == void.class);
    }

    static Stream<Method> levelChecks() {
        return loggerMethods().filter(method -> method.getReturnType() == boolean.class);
    }

    static Stream<Method> fluentCalls() {
        return loggerMethods().filter(method -> method.getReturnType() == LoggingEventBuilder.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("loggerMethods")
    void everyMethodOfLoggerIsALoggingCallALevelCheckAFluentCallOrGetName(Method method) {
        assertThat(method.getReturnType() == void.class || method.getReturnType() == boolean.class
                || method.getReturnType() == LoggingEventBuilder.class || method.getName().equals("getName"))
                .as("%s is of a kind these tests know; if SLF4J added a new kind, teach them and"
                        + " ReplaySafeLogger", method)
                .isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("loggerMethods")
    void overridesEveryMethodOfLoggerSoNoDefaultMethodReachesTheDelegateUnchecked(Method method)
            throws NoSuchMethodException {
        Method implementation = ReplaySafeLogger.class.getMethod(method.getName(), method.getParameterTypes());

        assertThat(implementation.getDeclaringClass()).as("class declaring %s", method)
                .isEqualTo(ReplaySafeLogger.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("loggingCalls")
    void loggingCallsReachNoDelegateWhileReplaying(Method call) throws Exception {
        for (RecordingLogger delegate : bothKindsOfDelegate()) {
            call.invoke(ReplaySafeLogger.wrap(delegate, REPLAYING), argumentsFor(call));

            assertThat(delegate.calls).as("calls reaching a %s", delegate.getClass().getSimpleName()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("levelChecks")
    void levelChecksAnswerFalseWithoutAskingTheDelegateWhileReplaying(Method check) throws Exception {
        RecordingLogger delegate = new RecordingLogger();

        Object enabled = check.invoke(ReplaySafeLogger.wrap(delegate, REPLAYING), argumentsFor(check));

        assertThat(enabled).isEqualTo(false);
        assertThat(delegate.calls).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fluentCalls")
    void fluentCallsReturnABuilderThatReachesNothingWhileReplaying(Method fluent) throws Exception {
        RecordingLogger delegate = new RecordingLogger();

        LoggingEventBuilder builder =
                (LoggingEventBuilder) fluent.invoke(ReplaySafeLogger.wrap(delegate, REPLAYING), argumentsFor(fluent));
        builder.addMarker(AUDIT).addKeyValue("order", 42).setMessage("shipped").log();

        assertThat(builder).isSameAs(NOPLoggingEventBuilder.singleton());
        assertThat(delegate.calls).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("loggingCalls")
    void loggingCallsReachTheDelegateUnchangedWhenLive(Method call) throws Exception {
        RecordingLogger delegate = new RecordingLogger();
        Object[] arguments = argumentsFor(call);

        call.invoke(ReplaySafeLogger.wrap(delegate, LIVE), arguments);

        assertReceivedOnly(delegate, call.getName(), arguments);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("loggingCalls")
    void loggingCallsReachALocationAwareDelegateWithTheWrapperAsCallerBoundaryWhenLive(Method call)
            throws Exception {
        RecordingLogger delegate = new RecordingLogger.LocationAware();
        Object[] arguments = argumentsFor(call);

        call.invoke(ReplaySafeLogger.wrap(delegate, LIVE), arguments);

        assertReceivedOnly(delegate, "log", locationAwareArgumentsOf(call, arguments));
    }

    @Test
    void trailingThrowableAmongTheArgumentsReachesALocationAwareDelegateAsTheException() {
        RecordingLogger delegate = new RecordingLogger.LocationAware();

        ReplaySafeLogger.wrap(delegate, LIVE).warn(AUDIT, "{} of {} failed", "transfer", 250, FAILURE);

        assertReceivedOnly(delegate, "log", AUDIT, FQCN, LocationAwareLogger.WARN_INT, "{} of {} failed",
                new Object[] {"transfer", 250}, FAILURE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("levelChecks")
    void levelChecksAskTheDelegateWhenLive(Method check) throws Exception {
        RecordingLogger delegate = new RecordingLogger();
        Object[] arguments = argumentsFor(check);

        Object enabled = check.invoke(ReplaySafeLogger.wrap(delegate, LIVE), arguments);

        assertThat(enabled).isEqualTo(true);
        assertReceivedOnly(delegate, check.getName(), arguments);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fluentCalls")
    void fluentCallsReturnTheDelegatesOwnBuilderWhenLive(Method fluent) throws Exception {
        RecordingLogger delegate = new RecordingLogger();
        Object[] arguments = argumentsFor(fluent);

        Object builder = fluent.invoke(ReplaySafeLogger.wrap(delegate, LIVE), arguments);

        assertReceivedOnly(delegate, fluent.getName(), arguments);
        assertThat(builder).isSameAs(delegate.builders.get(0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fluentCalls")
    void fluentEventsReachTheDelegateWithTheirMarkerAndKeyValuesWhenLive(Method fluent) throws Exception {
        RecordingLogger delegate = new RecordingLogger();
        LoggingEventBuilder builder =
                (LoggingEventBuilder) fluent.invoke(ReplaySafeLogger.wrap(delegate, LIVE), argumentsFor(fluent));
        delegate.calls.clear();

        builder.addMarker(AUDIT).addKeyValue("order", 42).setMessage("shipped").log();

        assertThat(delegate.calls).singleElement().satisfies(received -> {
            assertThat(received.method()).isEqualTo("log");
            LoggingEvent event = (LoggingEvent) received.args().get(0);
            assertThat(event.getMessage()).isEqualTo("shipped");
            assertThat(event.getMarkers()).containsExactly(AUDIT);
            assertThat(event.getKeyValuePairs()).extracting(pair -> pair.key, pair -> pair.value)
                    .containsExactly(tuple("order", 42));
        });
    }

    @Test
    void replayStateIsAskedAtEachCallSoOneLoggerServesReplayAndProgress() {
        AtomicBoolean replaying = new AtomicBoolean(true);
        RecordingLogger delegate = new RecordingLogger();
        Logger logger = ReplaySafeLogger.wrap(delegate, replaying::get);

        logger.info("said before");
        replaying.set(false);
        logger.info("said now");

        assertReceivedOnly(delegate, "info", "said now");
    }

    @Test
    void wrapLogsCallsMadeOutsideWorkflowCode() {
        RecordingLogger delegate = new RecordingLogger();

        ReplaySafeLogger.wrap(delegate).info("from a test thread");

        assertReceivedOnly(delegate, "info", "from a test thread");
    }

    @Test
    void nameIsTheDelegatesName() {
        assertThat(ReplaySafeLogger.wrap(new RecordingLogger(), LIVE).getName()).isEqualTo("recording");
    }

    @Test
    void toStringSaysItIsAReplaySafeLoggerAndNamesTheDelegate() {
        assertThat(ReplaySafeLogger.wrap(new RecordingLogger(), LIVE)).hasToString("ReplaySafeLogger(recording)");
    }

    private static void assertReceivedOnly(RecordingLogger delegate, String method, Object... arguments) {
        assertThat(delegate.calls).singleElement().satisfies(received -> {
            assertThat(received.method()).isEqualTo(method);
            assertThat(received.args()).containsExactly(arguments);
        });
    }

    private static List<RecordingLogger> bothKindsOfDelegate() {
        return List.of(new RecordingLogger(), new RecordingLogger.LocationAware());
    }

    /** One argument per parameter, by its type; a parameter type these tests do not know fails the test. */
    private static Object[] argumentsFor(Method method) {
        Class<?>[] types = method.getParameterTypes();
        Object[] arguments = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            arguments[i] = argumentOfType(types[i], i, method);
        }
        return arguments;
    }

    private static Object argumentOfType(Class<?> type, int index, Method method) {
        if (type == String.class) {
            return "message {} {} {}";
        } else if (type == Object.class) {
            return "argument " + index;
        } else if (type == Object[].class) {
            return new Object[] {"first", 2, "third"};
        } else if (type == Throwable.class) {
            return FAILURE;
        } else if (type == Marker.class) {
            return AUDIT;
        } else if (type == Level.class) {
            return Level.WARN;
        }
        return fail("Expecting a parameter type these tests can build an argument of, but %s has a %s parameter;"
                + " teach argumentOfType(..) one", method, type.getName());
    }

    /** The arguments a classic call should pass to {@link LocationAwareLogger#log}, the caller boundary included. */
    private static Object[] locationAwareArgumentsOf(Method call, Object[] arguments) {
        Marker marker = null;
        String message = null;
        List<Object> formatArguments = new ArrayList<>();
        Object[] formatArgumentArray = null;
        Throwable throwable = null;
        Class<?>[] types = call.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
            if (types[i] == Marker.class) {
                marker = (Marker) arguments[i];
            } else if (types[i] == String.class) {
                message = (String) arguments[i];
            } else if (types[i] == Object.class) {
                formatArguments.add(arguments[i]);
            } else if (types[i] == Object[].class) {
                formatArgumentArray = (Object[]) arguments[i];
            } else if (types[i] == Throwable.class) {
                throwable = (Throwable) arguments[i];
            } else {
                fail("Expecting a logging call of marker, message, arguments and throwable, but %s has a %s"
                        + " parameter", call, types[i].getName());
            }
        }
        Object[] args = formatArgumentArray != null ? formatArgumentArray
                : formatArguments.isEmpty() ? null : formatArguments.toArray();
        Integer level = LEVELS.get(call.getName());
        assertThat(level).as("level of %s", call).isNotNull();
        return new Object[] {marker, FQCN, level, message, args, throwable};
    }
}
