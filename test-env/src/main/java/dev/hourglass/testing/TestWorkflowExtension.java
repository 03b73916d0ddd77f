package dev.hourglass.testing;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.testing.internal.EnvironmentReport;
import dev.hourglass.testing.internal.EnvironmentReport.Harness;
import dev.hourglass.testing.internal.HtmlReports;
import dev.hourglass.testing.internal.WorkflowRegistrations;
import dev.hourglass.worker.Worker;
import dev.hourglass.worker.WorkflowImplementationOptions;
import dev.hourglass.workflow.WorkflowInterface;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that gives each test a fresh, started {@link TestWorkflowEnvironment} with a worker, and
 * injects the environment, its client, the worker and workflow stubs as test parameters.
 *
 * <pre>{@code
 * class MoneyTransferTest {
 *
 *     private final Accounts accounts = mock(Accounts.class);
 *
 *     @RegisterExtension
 *     final TestWorkflowExtension workflows = TestWorkflowExtension.newBuilder()
 *             .registerWorkflowImplementationTypes(TransferImpl.class)
 *             .setActivityImplementations(accounts)
 *             .build();
 *
 *     @Test
 *     void depositsAfterAThreeDayHold(TestWorkflowEnvironment env, Transfer transfer) {
 *         long before = env.currentTimeMillis();
 *         String result = transfer.transfer("alice", "bob", 100);
 *         assertThat(result).isEqualTo("moved 100 from alice to bob");
 *         assertThat(env.currentTimeMillis() - before).isEqualTo(Duration.ofDays(3).toMillis());
 *         verify(accounts).deposit("bob", 100);
 *     }
 * }
 * }</pre>
 *
 * <p>Before each test the extension creates an environment with the builder's
 * {@link TestEnvironmentOptions}, creates a worker on the task queue (by default {@code "test-"} followed by
 * the test method's name), registers the workflow implementation types and activity implementations on it,
 * and starts it. After each test it closes the environment, so a self-check replay that found nondeterminism
 * fails the test. Nothing carries over from one test to the next: workflow ids, virtual time and executions
 * all start afresh.
 *
 * <p>Test methods and {@code @BeforeEach} methods may declare parameters of these types:
 * <ul>
 *   <li>{@link TestWorkflowEnvironment}: the test's environment;</li>
 *   <li>{@link WorkflowClient}: the environment's client;</li>
 *   <li>{@link Worker}: the test's worker, already started unless the builder
 *       {@linkplain Builder#setDoNotStart says not to start it};</li>
 *   <li>any interface annotated with {@link WorkflowInterface}: a new stub of it on the worker's task queue
 *       with a workflow id of its own, the test method's name followed by {@code -1}, {@code -2}, … in the
 *       order the stubs are injected.</li>
 * </ul>
 *
 * <p>Since the worker is started before the test runs, implementations cannot be registered on the injected
 * worker; pass them to the builder, or {@linkplain Builder#setDoNotStart leave the start to the test}. Mocks
 * work well as activity implementations: create them in a field
 * initialiser declared before the extension field, so that each test has a new mock whose calls {@code verify}
 * counts for that test alone.
 *
 * <p>When a test fails, the extension prints to {@code System.err} the environment's seed, how to rerun the
 * test with it, and the {@link dev.hourglass.history.HistoryTimeline timeline} of every execution of an injected
 * stub, with its earlier runs and its child workflows. It also writes the same timelines as one self-contained HTML
 * page, {@code target/hourglass-reports/<test class>/<test>.html} under the working directory (or under the directory
 * the system property {@code hourglass.reports.dir} names), and adds its link to the test's failure as a suppressed
 * exception, so that the failure keeps its own type and message. A report that cannot be written is said so on
 * {@code System.err} and never hides the test's failure; passing tests write nothing.
 *
 * <p>The extension may be registered on an instance field or a static field; state lives in each test's
 * {@link ExtensionContext}, so tests running in parallel each have their own environment.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class TestWorkflowExtension
        implements BeforeEachCallback, AfterTestExecutionCallback, AfterEachCallback, ParameterResolver {

    private final WorkflowRegistrations workflowTypes;
    private final List<Object> activityImplementations;
    private final TestEnvironmentOptions options;
    private final String taskQueue;
    private final boolean doNotStart;
    private final ExtensionContext.Namespace namespace;

    private TestWorkflowExtension(Builder builder) {
        this.workflowTypes = builder.workflowTypes;
        this.activityImplementations = List.copyOf(builder.activityImplementations);
        this.options = builder.options;
        this.taskQueue = builder.taskQueue;
        this.doNotStart = builder.doNotStart;
        this.namespace = ExtensionContext.Namespace.create(TestWorkflowExtension.class, this);
    }

    /**
     * Returns a builder with no workflow types, no activities, default options and a task queue per test.
     *
     * @return a new builder; never {@code null}
     */
    public static Builder newBuilder() {
        return new Builder();
    }

    /** The environment and worker of one test, and the workflow ids handed to it. */
    private static final class TestState {
        final TestWorkflowEnvironment env;
        final Worker worker;
        final String methodName;
        final List<String> workflowIds = new ArrayList<>();

        TestState(TestWorkflowEnvironment env, Worker worker, String methodName) {
            this.env = env;
            this.worker = worker;
            this.methodName = methodName;
        }

        synchronized String nextWorkflowId() {
            String id = methodName + "-" + (workflowIds.size() + 1);
            workflowIds.add(id);
            return id;
        }

        synchronized List<String> workflowIds() {
            return List.copyOf(workflowIds);
        }
    }

    /**
     * Creates the test's environment and worker, registers the implementations and starts the worker (unless
     * {@link Builder#setDoNotStart the builder says not to}).
     *
     * @param context the test's context
     */
    @Override
    public void beforeEach(ExtensionContext context) {
        String methodName = context.getTestMethod().map(Method::getName).orElse("test");
        String queue = taskQueue != null ? taskQueue : "test-" + methodName;
        TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(options);
        try {
            Worker worker = env.newWorker(queue);
            workflowTypes.registerOn(worker);
            if (!activityImplementations.isEmpty()) {
                worker.registerActivitiesImplementations(activityImplementations.toArray());
            }
            if (!doNotStart) {
                env.start();
            }
            context.getStore(namespace).put(TestState.class, new TestState(env, worker, methodName));
        } catch (RuntimeException | Error e) {
            try {
                env.close();
            } catch (RuntimeException | Error suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /**
     * Reports the test if it failed: writes the HTML timelines of its executions, links them from the failure, and
     * prints the seed and the timelines to {@code System.err}.
     *
     * @param context the test's context
     */
    @Override
    public void afterTestExecution(ExtensionContext context) {
        TestState state = context.getStore(namespace).get(TestState.class, TestState.class);
        if (state == null || context.getExecutionException().isEmpty()) {
            return;
        }
        report(context, state, context.getExecutionException().get());
    }

    /**
     * Writes the HTML timelines of the test's executions, prints the seed and the timelines to {@code System.err},
     * and links the HTML file from {@code failure}.
     */
    private static void report(ExtensionContext context, TestState state, Throwable failure) {
        HtmlReports.TestName test = new HtmlReports.TestName(context.getRequiredTestClass().getName(),
                HtmlReports.testName(state.methodName, context.getDisplayName()), context.getDisplayName());
        EnvironmentReport.report(Harness.EXTENSION, test, state.env, state.workflowIds(), failure);
    }

    /**
     * Closes the test's environment; a self-check replay that found nondeterminism fails the test here, and
     * the seed and timelines are printed as for any other failure (unless the test had failed already).
     *
     * @param context the test's context
     */
    @Override
    public void afterEach(ExtensionContext context) {
        TestState state = context.getStore(namespace).remove(TestState.class, TestState.class);
        if (state == null) {
            return;
        }
        EnvironmentReport.closeAfterTest(state.env, context.getExecutionException().isPresent(),
                failure -> report(context, state, failure));
    }

    /**
     * Returns whether the parameter is of a type this extension injects.
     *
     * @param parameterContext the parameter
     * @param extensionContext the context of the test or lifecycle method
     * @return {@code true} for {@link TestWorkflowEnvironment}, {@link WorkflowClient}, {@link Worker} and
     *     workflow interfaces
     */
    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == TestWorkflowEnvironment.class || type == WorkflowClient.class || type == Worker.class
                || (type.isInterface() && type.isAnnotationPresent(WorkflowInterface.class));
    }

    /**
     * Returns the test's environment, client, worker, or a new workflow stub with a workflow id of its own.
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
        TestState state = parameterContext.getDeclaringExecutable() instanceof Constructor<?> ? null
                : extensionContext.getStore(namespace).get(TestState.class, TestState.class);
        if (state == null) {
            throw new ParameterResolutionException("TestWorkflowExtension cannot inject a " + type.getSimpleName()
                    + " into " + parameterContext.getDeclaringExecutable().getName() + ": the test environment exists"
                    + " only from before each test to after it, so declare the parameter on the test method or on"
                    + " a @BeforeEach method");
        }
        if (type == TestWorkflowEnvironment.class) {
            return state.env;
        }
        if (type == WorkflowClient.class) {
            return state.env.getWorkflowClient();
        }
        if (type == Worker.class) {
            return state.worker;
        }
        WorkflowOptions stubOptions = WorkflowOptions.newBuilder()
                .setTaskQueue(state.worker.getTaskQueue())
                .setWorkflowId(state.nextWorkflowId())
                .build();
        return state.env.getWorkflowClient().newWorkflowStub(type, stubOptions);
    }

    /**
     * Builds a {@link TestWorkflowExtension}.
     *
     * @since 0.1
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public static final class Builder {
        private WorkflowRegistrations workflowTypes = WorkflowRegistrations.none();
        private final List<Object> activityImplementations = new ArrayList<>();
        private TestEnvironmentOptions options = TestEnvironmentOptions.getDefaultInstance();
        private String taskQueue;
        private boolean doNotStart;

        private Builder() {
        }

        /**
         * Adds workflow implementation types to register on each test's worker.
         *
         * @param workflowImplementationTypes classes implementing a {@code @WorkflowInterface}; never
         *     {@code null}
         * @return this builder
         */
        public Builder registerWorkflowImplementationTypes(Class<?>... workflowImplementationTypes) {
            return registerWorkflowImplementationTypes(WorkflowImplementationOptions.getDefaultInstance(),
                    workflowImplementationTypes);
        }

        /**
         * Adds workflow implementation types to register on each test's worker with {@code options}: the exception
         * types that fail the workflow and the activity options of stubs made without options
         * ({@link Worker#registerWorkflowImplementationTypes(WorkflowImplementationOptions, Class[])}).
         *
         * @param options the options of these types; never {@code null}
         * @param workflowImplementationTypes classes implementing a {@code @WorkflowInterface}; never
         *     {@code null}
         * @return this builder
         * @since 0.1
         */
        public Builder registerWorkflowImplementationTypes(WorkflowImplementationOptions options,
                Class<?>... workflowImplementationTypes) {
            workflowTypes = workflowTypes.with(options, workflowImplementationTypes);
            return this;
        }

        /**
         * Sets the activity implementations to register on each test's worker, replacing any set before.
         *
         * <p>The same objects serve every test, so state kept in them carries over unless the objects are
         * created anew for each test (as instance fields of a test class with the default per-method lifecycle
         * are).
         *
         * @param activityImplementations objects implementing {@code @ActivityInterface}s, such as mocks;
         *     never {@code null}
         * @return this builder
         */
        public Builder setActivityImplementations(Object... activityImplementations) {
            Objects.requireNonNull(activityImplementations, "activityImplementations");
            this.activityImplementations.clear();
            this.activityImplementations.addAll(Arrays.asList(activityImplementations));
            return this;
        }

        /**
         * Sets the options of each test's environment, such as a seed to reproduce a failure.
         *
         * @param options the options; never {@code null}
         * @return this builder
         */
        public Builder setTestEnvironmentOptions(TestEnvironmentOptions options) {
            this.options = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * Sets the task queue of the worker and of injected stubs; by default {@code "test-"} followed by the
         * test method's name.
         *
         * @param taskQueue the task queue; never {@code null}
         * @return this builder
         */
        public Builder setTaskQueue(String taskQueue) {
            this.taskQueue = Objects.requireNonNull(taskQueue, "taskQueue");
            return this;
        }

        /**
         * Sets whether the extension leaves the environment unstarted (default {@code false}: it starts it).
         *
         * <p>With {@code true}, the extension creates the environment and the worker and registers what this
         * builder names, but does not call {@link TestWorkflowEnvironment#start()}: the test (or a
         * {@code @BeforeEach} method) registers more on the injected {@link Worker}, such as activity mocks made
         * for that test, or creates other workers, and then starts the environment itself:
         *
         * <pre>{@code
         * @RegisterExtension
         * final TestWorkflowExtension workflows = TestWorkflowExtension.newBuilder()
         *         .registerWorkflowImplementationTypes(TransferImpl.class)
         *         .setDoNotStart(true)
         *         .build();
         *
         * @Test
         * void depositsWithTheAccountsOfThisTest(TestWorkflowEnvironment env, Worker worker, Transfer transfer) {
         *     worker.registerActivitiesImplementations(new FakeAccounts());
         *     env.start();
         *     assertThat(transfer.transfer("alice", "bob", 100)).isEqualTo("moved 100 from alice to bob");
         * }
         * }</pre>
         *
         * <p>Until the environment starts, no workflow task or activity runs: a workflow started before then
         * waits.
         *
         * @param doNotStart {@code true} to leave starting the environment to the test
         * @return this builder
         * @since 0.1
         */
        public Builder setDoNotStart(boolean doNotStart) {
            this.doNotStart = doNotStart;
            return this;
        }

        /**
         * Returns the extension.
         *
         * @return a new extension; never {@code null}
         */
        public TestWorkflowExtension build() {
            return new TestWorkflowExtension(this);
        }
    }
}
