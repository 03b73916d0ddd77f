package dev.hourglass.testing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.hourglass.activity.ActivityExecutionContext;
import dev.hourglass.activity.DynamicActivity;
import dev.hourglass.common.Values;
import dev.hourglass.internal.activity.ActivityContextHolder;
import dev.hourglass.internal.activity.ActivityTaskContext;
import dev.hourglass.internal.common.EncodedValues;
import dev.hourglass.internal.common.Interfaces;
import dev.hourglass.internal.common.PayloadConverter;
import dev.hourglass.internal.history.JsonPayload;
import dev.hourglass.internal.replay.PromiseImpl;
import dev.hourglass.internal.replay.Reflection;
import dev.hourglass.internal.replay.Stubs;
import dev.hourglass.internal.spi.ActivityHeartbeatResponse;
import dev.hourglass.internal.spi.ActivityTask;
import dev.hourglass.testing.TestActivityEnvironment;
import dev.hourglass.testing.TestEnvironmentOptions;
import dev.hourglass.workflow.ActivityStub;
import dev.hourglass.workflow.Promise;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** The {@link TestActivityEnvironment}: runs activity methods on the caller's thread with a test context. */
public final class TestActivityEnvironmentImpl implements TestActivityEnvironment {

    /** A registered activity: the implementation object and the interface method to call on it. */
    private record Registered(Object target, Method method) {
    }

    /** The method a {@link DynamicActivity} runs every type with, its arguments undecoded. */
    private static final Method DYNAMIC_EXECUTE = dynamicExecute();

    private static Method dynamicExecute() {
        try {
            return DynamicActivity.class.getMethod("execute", Values.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("DynamicActivity has no execute(Values) method", e);
        }
    }

    private final PayloadConverter converter = PayloadConverter.getDefault();
    private final Map<String, Registered> activities = new LinkedHashMap<>();
    /** The registered {@link DynamicActivity}, which runs every type no other implementation runs; or {@code null}. */
    private DynamicActivity dynamic;
    private final AtomicLong activityIds = new AtomicLong();
    private volatile int attempt = 1;
    private volatile Consumer<Object> heartbeatListener;
    private volatile Object heartbeatDetails;
    private volatile boolean cancellationRequested;
    private volatile boolean closed;

    @Override
    public void registerActivitiesImplementations(Object... activityImplementations) {
        Objects.requireNonNull(activityImplementations, "activityImplementations");
        requireOpen();
        synchronized (activities) {
            for (Object implementation : activityImplementations) {
                Objects.requireNonNull(implementation, "activity implementation");
                if (implementation instanceof DynamicActivity dynamicActivity) {
                    registerDynamic(dynamicActivity);
                    if (Interfaces.activityInterfacesOf(implementation.getClass()).isEmpty()) {
                        continue;
                    }
                }
                Interfaces.activityTypesOf(implementation).forEach((type, method) -> {
                    if (activities.containsKey(type)) {
                        throw new IllegalArgumentException("activity type '" + type + "' of "
                                + implementation.getClass().getName() + " is already registered in this test"
                                + " activity environment: register each activity type once, or rename one with"
                                + " @ActivityMethod(name = ...)");
                    }
                    activities.put(type, new Registered(implementation, method));
                });
            }
        }
    }

    private void registerDynamic(DynamicActivity implementation) {
        if (dynamic != null) {
            throw new IllegalArgumentException(implementation.getClass().getName() + " is a DynamicActivity, but "
                    + dynamic.getClass().getName() + " is already registered as the DynamicActivity of this test"
                    + " activity environment: register one, and branch on"
                    + " Activity.getExecutionContext().getInfo().getActivityType() in it");
        }
        dynamic = implementation;
    }

    @Override
    public ActivityStub newUntypedActivityStub() {
        return new UntypedStub();
    }

    @Override
    public <T> T newActivityStub(Class<T> activityInterface) {
        Objects.requireNonNull(activityInterface, "activityInterface");
        Map<Method, String> types = Interfaces.activityMethods(activityInterface);
        Object stub = Proxy.newProxyInstance(activityInterface.getClassLoader(), new Class<?>[] {activityInterface},
                (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return Stubs.objectMethod(proxy, method, args,
                                "TestActivityStub[" + activityInterface.getSimpleName() + "]");
                    }
                    String activityType = types.get(method);
                    if (activityType == null) {
                        return Reflection.invokeDefault(proxy, method, args);
                    }
                    return call(activityType, args, method.getReturnType(), method.getGenericReturnType());
                });
        return activityInterface.cast(stub);
    }

    /** Runs the implementation of {@code activityType} with {@code args} and decodes its result as the caller's. */
    private Object call(String activityType, Object[] args, Class<?> resultClass, Type resultType) {
        requireOpen();
        Registered registered;
        synchronized (activities) {
            registered = activities.get(activityType);
            if (registered == null && dynamic != null) {
                registered = new Registered(dynamic, DYNAMIC_EXECUTE);
            }
            if (registered == null) {
                throw new IllegalStateException("activity type '" + activityType + "' is not registered: call"
                        + " registerActivitiesImplementations with its implementation (or a DynamicActivity) first;"
                        + " registered: " + activities.keySet());
            }
        }
        Method method = registered.method();
        ArrayNode input = converter.toJsonArray(args, "call activity ", activityType);
        Object[] decoded = method == DYNAMIC_EXECUTE
                ? new Object[] {EncodedValues.arguments(input, converter, "activity " + activityType)}
                : converter.fromJsonArray(input, method.getParameterTypes(), method.getGenericParameterTypes());
        ActivityExecutionContext previous = ActivityContextHolder.current();
        Object details = heartbeatDetails;
        ActivityTask task = new ActivityTask("test-" + activityType, WORKFLOW_ID, RUN_ID, WORKFLOW_TYPE,
                String.valueOf(activityIds.incrementAndGet()), activityType, TASK_QUEUE, JsonPayload.of(input),
                attempt, TestEnvironmentOptions.DEFAULT_INITIAL_TIME, null,
                details == null ? null : JsonPayload.of(converter.toJson(details)));
        ActivityContextHolder.set(new ActivityTaskContext(task, (sent, encoded) -> {
            Consumer<Object> listener = heartbeatListener;
            if (listener != null) {
                listener.accept(sent);
            }
            return cancellationRequested ? ActivityHeartbeatResponse.CANCEL_REQUESTED
                    : ActivityHeartbeatResponse.CONTINUE;
        }, "the test requested cancellation", () -> false, converter));
        Object result;
        try {
            result = Reflection.invoke(method, registered.target(), decoded);
        } finally {
            if (previous != null) {
                ActivityContextHolder.set(previous);
            } else {
                ActivityContextHolder.clear();
            }
        }
        JsonNode encoded = converter.toJson(result);
        return converter.fromJson(encoded, resultClass, resultType);
    }

    /** The untyped stub: the same calls, by type name. */
    private final class UntypedStub implements ActivityStub {


        @Override
        @SuppressWarnings("unchecked") // decoded as resultType; a primitive class gives its boxed value
        public <R> R execute(String activityType, Class<R> resultClass, Type resultType, Object... args) {
            if (activityType == null || activityType.isEmpty()) {
                throw new IllegalArgumentException("ActivityStub.execute: the activity type must not be "
                        + (activityType == null ? "null" : "empty") + ": pass a registered type, such as the name"
                        + " of an @ActivityInterface method");
            }
            Objects.requireNonNull(resultClass, "resultClass (Void.class to ignore the result)");
            return (R) call(activityType, args, resultClass, resultType == null ? resultClass : resultType);
        }


        /** Runs the activity on the calling thread, like {@code execute}, and returns its completed promise. */
        @Override
        public <R> Promise<R> executeAsync(String activityType, Class<R> resultClass, Type resultType,
                Object... args) {
            try {
                return PromiseImpl.completed(execute(activityType, resultClass, resultType, args));
            } catch (RuntimeException e) {
                return PromiseImpl.failed(e);
            }
        }

        @Override
        public String toString() {
            return "TestActivityStub(untyped)";
        }
    }

    @Override
    public void setAttempt(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be at least 1 (attempts count from 1), was " + attempt);
        }
        this.attempt = attempt;
    }

    @Override
    public void setHeartbeatListener(Consumer<Object> listener) {
        this.heartbeatListener = listener;
    }

    @Override
    public void setHeartbeatDetails(Object details) {
        this.heartbeatDetails = details;
    }

    @Override
    public void requestCancellation() {
        this.cancellationRequested = true;
    }

    @Override
    public void close() {
        closed = true;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("this TestActivityEnvironment is closed: create a new one with"
                    + " TestActivityEnvironment.newInstance() for each test");
        }
    }
}
