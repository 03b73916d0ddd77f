package dev.hourglass.testing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.hourglass.activity.ActivityExecutionContext;
import dev.hourglass.activity.ActivityInfo;
import dev.hourglass.failure.CanceledFailure;
import dev.hourglass.internal.activity.ActivityContextHolder;
import dev.hourglass.internal.common.DataConverter;
import dev.hourglass.internal.common.Interfaces;
import dev.hourglass.internal.replay.Reflection;
import dev.hourglass.testing.TestActivityEnvironment;
import dev.hourglass.testing.TestEnvironmentOptions;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** The {@link TestActivityEnvironment}: runs activity methods on the caller's thread with a test context. */
public final class TestActivityEnvironmentImpl implements TestActivityEnvironment {

    /** A registered activity: the implementation object and the interface method to call on it. */
    private record Registered(Object target, Method method) {
    }

    private final DataConverter converter = DataConverter.getDefault();
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
                List<Class<?>> interfaces = Interfaces.activityInterfacesOf(implementation.getClass());
                if (interfaces.isEmpty()) {
                    throw new IllegalArgumentException(implementation.getClass().getName() + " implements no"
                            + " @ActivityInterface: activity implementations must implement an interface annotated"
                            + " with it");
                }
                for (Class<?> activityInterface : interfaces) {
                    for (Map.Entry<Method, String> entry : Interfaces.activityMethods(activityInterface).entrySet()) {
                        if (activities.containsKey(entry.getValue())) {
                            throw new IllegalArgumentException("activity type '" + entry.getValue()
                                    + "' is already registered in this test activity environment");
                        }
                        activities.put(entry.getValue(), new Registered(implementation, entry.getKey()));
                    }
                }
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
                        return objectMethod(proxy, method, args, activityInterface);
                    }
                    String activityType = types.get(method);
                    if (activityType == null) {
                        return InvocationHandler.invokeDefault(proxy, method, args);
                    }
                    return call(activityType, method, args);
                });
        return activityInterface.cast(stub);
    }

    private Object objectMethod(Object proxy, Method method, Object[] args, Class<?> activityInterface) {
        switch (method.getName()) {
            case "equals":
                return proxy == args[0];
            case "hashCode":
                return System.identityHashCode(proxy);
            default:
                return "TestActivityStub[" + activityInterface.getSimpleName() + "]";
        }
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
        ArrayNode input = converter.toJsonArray(args);
        Object[] decoded = converter.fromJsonArray(input, method.getParameterTypes(),
                method.getGenericParameterTypes());
        ActivityExecutionContext previous = ActivityContextHolder.current();
        ActivityContextHolder.set(new Context(activityType, String.valueOf(activityIds.incrementAndGet())));
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
            throw new IllegalStateException("this TestActivityEnvironment is closed");
        }
    }

    /** The context activity code reads through {@code Activity.getExecutionContext()}. */
    private final class Context implements ActivityExecutionContext, ActivityInfo {
        private final String activityType;
        private final String activityId;
        private final int attempt = TestActivityEnvironmentImpl.this.attempt;

        Context(String activityType, String activityId) {
            this.activityType = activityType;
            this.activityId = activityId;
        }

        @Override
        public ActivityInfo getInfo() {
            return this;
        }

        @Override
        public void heartbeat(Object details) {
            converter.toJson(details);
            Consumer<Object> listener = heartbeatListener;
            if (listener != null) {
                listener.accept(details);
            }
            if (cancellationRequested) {
                throw new CanceledFailure("activity " + activityType + " (id " + activityId
                        + ") was canceled: the test requested cancellation; stop working on it");
            }
        }

        @Override
        public <T> Optional<T> getHeartbeatDetails(Class<T> type) {
            Objects.requireNonNull(type, "type");
            Object details = heartbeatDetails;
            if (details == null) {
                return Optional.empty();
            }
            return Optional.ofNullable(converter.fromJson(converter.toJson(details), type, type));
        }

        @Override
        public int getAttempt() {
            return attempt;
        }

        @Override
        public String getActivityId() {
            return activityId;
        }

        @Override
        public String getActivityType() {
            return activityType;
        }

        @Override
        public String getWorkflowId() {
            return WORKFLOW_ID;
        }

        @Override
        public String getRunId() {
            return RUN_ID;
        }

        @Override
        public String getWorkflowType() {
            return WORKFLOW_TYPE;
        }

        @Override
        public String getTaskQueue() {
            return TASK_QUEUE;
        }

        @Override
        public Instant getScheduledTime() {
            return TestEnvironmentOptions.DEFAULT_INITIAL_TIME;
        }

        @Override
        public Duration getHeartbeatTimeout() {
            return null;
        }
    }
}
