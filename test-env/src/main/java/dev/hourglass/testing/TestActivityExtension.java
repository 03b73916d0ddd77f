package dev.hourglass.testing;

import dev.hourglass.activity.ActivityInterface;
import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that gives each test a fresh {@link TestActivityEnvironment} with the activity implementations
 * registered, and injects the environment and activity stubs as test parameters.
 *
 * <pre>{@code
 * class StatementExporterExtensionTest {
 *
 *     @RegisterExtension
 *     final TestActivityExtension activities = TestActivityExtension.newBuilder()
 *             .setActivityImplementations(new StatementExporterImpl())
 *             .build();
 *
 *     @Test
 *     void aRetryResumesAfterTheLastPage(TestActivityEnvironment env, StatementExporter exporter) {
 *         env.setAttempt(2);
 *         env.setHeartbeatDetails(10);
 *
 *         assertThat(exporter.export("alice", 12)).isEqualTo("pages 11-12 of alice on attempt 2");
 *     }
 * }
 * }</pre>
 *
 * <p>Before each test the extension creates an environment and registers the builder's activity implementations
 * on it; after each test it closes it. Test methods and {@code @BeforeEach} methods may declare parameters of
 * these types:
 * <ul>
 *   <li>{@link TestActivityEnvironment}: the test's environment, to set the attempt, heartbeat details, a
 *       heartbeat listener or a cancellation before calling the stubs;</li>
 *   <li>any interface annotated with {@link ActivityInterface}: a stub whose calls run the registered
 *       implementation on the calling thread ({@link TestActivityEnvironment#newActivityStub}).</li>
 * </ul>
 *
 * <p>The extension may be registered on an instance field or a static field; state lives in each test's
 * {@link ExtensionContext}, so tests running in parallel each have their own environment.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class TestActivityExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private final List<Object> activityImplementations;
    private final ExtensionContext.Namespace namespace;

    private TestActivityExtension(Builder builder) {
        this.activityImplementations = List.copyOf(builder.activityImplementations);
        this.namespace = ExtensionContext.Namespace.create(TestActivityExtension.class, this);
    }

    /**
     * Returns a builder with no activity implementations.
     *
     * @return a new builder; never {@code null}
     */
    public static Builder newBuilder() {
        return new Builder();
    }

    /**
     * Creates the test's environment and registers the activity implementations on it.
     *
     * @param context the test's context
     * @throws IllegalArgumentException if an implementation implements no activity interface, or an activity type
     *     is registered twice
     */
    @Override
    public void beforeEach(ExtensionContext context) {
        TestActivityEnvironment env = TestActivityEnvironment.newInstance();
        try {
            if (!activityImplementations.isEmpty()) {
                env.registerActivitiesImplementations(activityImplementations.toArray());
            }
        } catch (RuntimeException | Error e) {
            env.close();
            throw e;
        }
        context.getStore(namespace).put(TestActivityEnvironment.class, env);
    }

    /**
     * Closes the test's environment.
     *
     * @param context the test's context
     */
    @Override
    public void afterEach(ExtensionContext context) {
        TestActivityEnvironment env =
                context.getStore(namespace).remove(TestActivityEnvironment.class, TestActivityEnvironment.class);
        if (env != null) {
            env.close();
        }
    }

    /**
     * Returns whether the parameter is of a type this extension injects.
     *
     * @param parameterContext the parameter
     * @param extensionContext the context of the test or lifecycle method
     * @return {@code true} for {@link TestActivityEnvironment} and activity interfaces
     */
    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == TestActivityEnvironment.class
                || (type.isInterface() && type.isAnnotationPresent(ActivityInterface.class));
    }

    /**
     * Returns the test's environment, or a new stub of an activity interface on it.
     *
     * @param parameterContext the parameter
     * @param extensionContext the context of the test or lifecycle method
     * @return the value to inject; never {@code null}
     * @throws ParameterResolutionException if there is no environment yet: in a constructor or a
     *     {@code @BeforeAll} method
     */
    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        TestActivityEnvironment env = parameterContext.getDeclaringExecutable() instanceof Constructor<?> ? null
                : extensionContext.getStore(namespace).get(TestActivityEnvironment.class,
                        TestActivityEnvironment.class);
        if (env == null) {
            throw new ParameterResolutionException("TestActivityExtension cannot inject a " + type.getSimpleName()
                    + " into " + parameterContext.getDeclaringExecutable().getName() + ": the activity environment"
                    + " exists only from before each test to after it, so declare the parameter on the test method"
                    + " or on a @BeforeEach method");
        }
        if (type == TestActivityEnvironment.class) {
            return env;
        }
        return env.newActivityStub(type);
    }

    /**
     * Builds a {@link TestActivityExtension}.
     *
     * @since 0.1
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public static final class Builder {
        private final List<Object> activityImplementations = new ArrayList<>();

        private Builder() {
        }

        /**
         * Sets the activity implementations to register on each test's environment, replacing any set before.
         *
         * <p>The same objects serve every test, so state kept in them carries over unless the objects are created
         * anew for each test (as instance fields of a test class with the default per-method lifecycle are).
         *
         * @param activityImplementations objects implementing {@code @ActivityInterface}s; never {@code null}
         * @return this builder
         */
        public Builder setActivityImplementations(Object... activityImplementations) {
            Objects.requireNonNull(activityImplementations, "activityImplementations");
            this.activityImplementations.clear();
            this.activityImplementations.addAll(Arrays.asList(activityImplementations));
            return this;
        }

        /**
         * Returns the extension.
         *
         * @return a new extension; never {@code null}
         */
        public TestActivityExtension build() {
            return new TestActivityExtension(this);
        }
    }
}
