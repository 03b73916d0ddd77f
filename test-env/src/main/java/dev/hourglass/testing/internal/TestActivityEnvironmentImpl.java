package dev.hourglass.testing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.hourglass.activity.ActivityExecutionContext;
import dev.hourglass.internal.activity.ActivityContextHolder;
import dev.hourglass.internal.activity.ActivityTaskContext;
import dev.hourglass.internal.common.PayloadConverter;
import dev.hourglass.internal.common.Interfaces;
import dev.hourglass.internal.history.JsonPayload;
import dev.hourglass.internal.replay.Reflection;
import dev.hourglass.internal.replay.Stubs;
import dev.hourglass.internal.spi.ActivityHeartbeatResponse;
import dev.hourglass.internal.spi.ActivityTask;
import dev.hourglass.testing.TestActivityEnvironment;
import dev.hourglass.testing.TestEnvironmentOptions;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
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

    private final PayloadConverter converter = PayloadConverter.getDefault();
    private final Map<String, Registered> activities = new LinkedHashMap<>();
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
                    return call(activityType, method, args);
                });
        return activityInterface.cast(stub);
    }

    private Object call(String activityType, Method stubMethod, Object[] args) {
        requireOpen();
        Registered registered;
        synchronized (activities) {
            registered = activities.get(activityType);
            if (registered == null) {
                throw new IllegalStateException("activity type '" + activityType + "' is not registered: call"
                        + " registerActivitiesImplementations with its implementation first; registered: "
                        + activities.keySet());
            }
        }
        Method method = registered.method();
        ArrayNode input = converter.toJsonArray(args, "call activity ", activityType);
        Object[] decoded = converter.fromJsonArray(input, method.getParameterTypes(),
                method.getGenericParameterTypes());
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
        return converter.fromJson(encoded, stubMethod.getReturnType(), stubMethod.getGenericReturnType());
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
