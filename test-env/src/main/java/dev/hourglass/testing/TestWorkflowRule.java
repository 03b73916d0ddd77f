package dev.hourglass.testing;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowClientOptions;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.common.WorkflowExecution;
import dev.hourglass.history.History;
import dev.hourglass.testing.internal.EnvironmentReport;
import dev.hourglass.testing.internal.EnvironmentReport.Harness;
import dev.hourglass.testing.internal.HtmlReports;
import dev.hourglass.testing.internal.WorkflowRegistrations;
import dev.hourglass.worker.Worker;
import dev.hourglass.worker.WorkflowImplementationOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;
import org.junit.AssumptionViolatedException;
import org.junit.rules.TestRule;
import org.junit.runner.Description;
import org.junit.runners.model.MultipleFailureException;
import org.junit.runners.model.Statement;

/**
 * JUnit 4 rule that gives each test a fresh, started {@link TestWorkflowEnvironment} with a worker on a task queue
 * of its own, shaped like Temporal's {@code TestWorkflowRule} so that JUnit 4 tests port by renaming imports.
 *
 * <pre>{@code
 * public class TransferRuleTest {
 *
 *     private final Accounts accounts = mock(Accounts.class);
 *     private final Notifier notifier = mock(Notifier.class);
 *
 *     @Rule
 *     public final TestWorkflowRule testWorkflowRule = TestWorkflowRule.newBuilder()
 *             .setWorkflowTypes(TransferImpl.class)
 *             .setActivityImplementations(accounts, notifier)
 *             .build();
 *
 *     @Test
 *     public void depositsAfterAThreeDayHold() {
 *         Transfer transfer = testWorkflowRule.newWorkflowStub(Transfer.class);
 *         long before = testWorkflowRule.getTestEnvironment().currentTimeMillis();
 *
 *         String result = transfer.transfer("alice", "bob", 100);
 *
 *         assertEquals("moved 100 from alice to bob", result);
 *         assertEquals(Duration.ofDays(3).toMillis(),
 *                 testWorkflowRule.getTestEnvironment().currentTimeMillis() - before);
 *         verify(accounts).deposit("bob", 100);
 *     }
 * }
 * }</pre>
 *
 * <p>Before each test the rule creates an environment with the builder's {@link TestEnvironmentOptions}, creates a
 * worker on the task queue {@code "test-"} followed by the test method's name ({@link #getTaskQueue()}), registers
 * the workflow types and activity implementations on it, and starts the environment (unless
 * {@link Builder#setDoNotStart told not to}). {@code @Before} and {@code @After} methods run inside the rule, so they
 * see the same environment as the test. After each test the rule closes the environment, so a self-check replay
 * that found nondeterminism fails the test. Nothing carries over from one test to the next.
 *
 * <p>When a test fails, the rule prints to {@code System.err} what {@link TestWorkflowExtension} prints: the
 * environment's seed, how to rerun the test with it, and the {@link dev.hourglass.history.HistoryTimeline timeline}
 * of every execution of the test (those of {@link #newWorkflowStub} stubs first, then every other workflow the test
 * started, by workflow id), with its earlier runs and its child workflows; and it writes them as one HTML page linked
 * from the failure, as the extension does. A failed assumption is not a failure and reports nothing.
 *
 * <p>Declare the rule as a public {@code @Rule} instance field; as a {@code @ClassRule} it fails, because each test
 * needs an environment of its own. The accessors work only while a test (or its {@code @Before} or
 * {@code @After} methods) runs, and throw {@link IllegalStateException} otherwise.
 *
 * <p>JUnit 4 ({@code junit:junit}) is an optional dependency of the test environment: add it to the test
 * dependencies of a project that uses this rule.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class TestWorkflowRule implements TestRule {

    private final WorkflowRegistrations workflowTypes;
    private final List<Object> activityImplementations;
    private final TestEnvironmentOptions options;
    private final boolean doNotStart;
    /** The environment and worker of the test running now, or {@code null} between tests. */
    private volatile TestState state;

    private TestWorkflowRule(Builder builder) {
        this.workflowTypes = builder.workflowTypes;
        this.activityImplementations = List.copyOf(builder.activityImplementations);
        TestEnvironmentOptions.Builder options = TestEnvironmentOptions.newBuilder(builder.options);
        if (builder.workflowClientOptions != null) {
            options.setWorkflowClientOptions(builder.workflowClientOptions);
        }
        if (builder.useTimeskipping != null) {
            options.setUseTimeskipping(builder.useTimeskipping);
        }
        this.options = options.build();
        this.doNotStart = builder.doNotStart;
    }

    /**
     * Returns a builder with no workflow types, no activities and default options.
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
     * Wraps a test in the creation of its environment and worker, and the closing of the environment.
     *
     * @param base the test, with its {@code @Before} and {@code @After} methods
     * @param description the test
     * @return the statement that runs the test in its environment; never {@code null}
     */
    @Override
    public Statement apply(Statement base, Description description) {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(description, "description");
        return new Statement() {
            @Override
            public void evaluate() throws Throwable {
                if (description.getMethodName() == null) {
                    throw new IllegalStateException("TestWorkflowRule gives each test an environment of its own, so"
                            + " it cannot wrap " + description.getDisplayName() + " as a whole: declare it as a"
                            + " public @Rule instance field, not a @ClassRule");
                }
                run(base, description);
            }
        };
    }

    private void run(Statement base, Description description) throws Throwable {
        TestState test = setUp(description.getMethodName());
        state = test;
        List<Throwable> errors = new ArrayList<>();
        boolean failed = false;
        try {
            base.evaluate();
        } catch (AssumptionViolatedException e) {
            errors.add(e);
        } catch (Throwable e) {
            failed = true;
            errors.add(e);
            report(description, test, e);
        } finally {
            state = null;
            try {
                EnvironmentReport.closeAfterTest(test.env, failed, failure -> report(description, test, failure));
            } catch (Throwable e) {
                errors.add(e);
            }
        }
        MultipleFailureException.assertEmpty(errors);
    }

    private TestState setUp(String methodName) {
        TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(options);
        try {
            Worker worker = env.newWorker("test-" + methodName);
            workflowTypes.registerOn(worker);
            if (!activityImplementations.isEmpty()) {
                worker.registerActivitiesImplementations(activityImplementations.toArray());
            }
            if (!doNotStart) {
                env.start();
            }
            return new TestState(env, worker, methodName);
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
     * Writes the HTML timelines of the test's executions, prints the seed and the timelines to {@code System.err},
     * and links the HTML file from {@code failure}.
     */
    private static void report(Description description, TestState test, Throwable failure) {
        HtmlReports.TestName name = new HtmlReports.TestName(description.getClassName(), description.getMethodName(),
                description.getDisplayName());
        EnvironmentReport.report(Harness.RULE, name, test.env,
                EnvironmentReport.withOtherWorkflowIds(test.env, test.workflowIds()), failure);
    }

    private TestState current(String accessor) {
        TestState test = state;
        if (test == null) {
            throw new IllegalStateException("TestWorkflowRule." + accessor + " works only while a test runs: the"
                    + " rule creates the environment before each test and closes it after; declare the rule as a"
                    + " public @Rule field and call this from a test, @Before or @After method");
        }
        return test;
    }

    /**
     * Returns the environment of the running test.
     *
     * @return the environment; never {@code null}
     * @throws IllegalStateException if no test of this rule is running
     */
    public TestWorkflowEnvironment getTestEnvironment() {
        return current("getTestEnvironment()").env;
    }

    /**
     * Returns the client of the running test's environment.
     *
     * @return the client; never {@code null}
     * @throws IllegalStateException if no test of this rule is running
     */
    public WorkflowClient getWorkflowClient() {
        return current("getWorkflowClient()").env.getWorkflowClient();
    }

    /**
     * Returns the worker of the running test, on {@link #getTaskQueue()}: started, unless the builder
     * {@linkplain Builder#setDoNotStart said not to start it}, in which case more may be registered on it before
     * the test calls {@code getTestEnvironment().start()}.
     *
     * @return the worker; never {@code null}
     * @throws IllegalStateException if no test of this rule is running
     */
    public Worker getWorker() {
        return current("getWorker()").worker;
    }

    /**
     * Returns the task queue of the running test's worker: {@code "test-"} followed by the test method's name.
     *
     * @return the task queue; never {@code null}
     * @throws IllegalStateException if no test of this rule is running
     */
    public String getTaskQueue() {
        return current("getTaskQueue()").worker.getTaskQueue();
    }

    /**
     * Returns a new stub of a workflow interface on {@link #getTaskQueue()}, with a workflow id of its own: the test
     * method's name followed by {@code -1}, {@code -2}, … in the order the stubs are made.
     *
     * @param workflowInterface an interface annotated with {@code @WorkflowInterface}; never {@code null}
     * @param <T> the workflow interface
     * @return the stub; never {@code null}
     * @throws IllegalStateException if no test of this rule is running
     * @throws IllegalArgumentException if {@code workflowInterface} is not a workflow interface
     */
    public <T> T newWorkflowStub(Class<T> workflowInterface) {
        Objects.requireNonNull(workflowInterface, "workflowInterface");
        TestState test = current("newWorkflowStub(Class)");
        WorkflowOptions stubOptions = WorkflowOptions.newBuilder()
                .setTaskQueue(test.worker.getTaskQueue())
                .setWorkflowId(test.nextWorkflowId())
                .build();
        return test.env.getWorkflowClient().newWorkflowStub(workflowInterface, stubOptions);
    }

    /**
     * Returns the history of an execution of the running test's environment, as far as it has got.
     *
     * @param execution the execution; its run id may be {@code null}, meaning the latest run of its workflow id
     * @return the history; never {@code null}
     * @throws IllegalStateException if no test of this rule is running
     * @throws dev.hourglass.client.WorkflowNotFoundException if the environment has no such execution
     */
    public History getHistory(WorkflowExecution execution) {
        Objects.requireNonNull(execution, "execution");
        WorkflowClient client = current("getHistory(WorkflowExecution)").env.getWorkflowClient();
        return execution.getRunId() == null ? client.fetchHistory(execution.getWorkflowId())
                : client.fetchHistory(execution.getWorkflowId(), execution.getRunId());
    }

    /**
     * Builds a {@link TestWorkflowRule}.
     *
     * @since 0.1
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public static final class Builder {
        private WorkflowRegistrations workflowTypes = WorkflowRegistrations.none();
        private final List<Object> activityImplementations = new ArrayList<>();
        private TestEnvironmentOptions options = TestEnvironmentOptions.getDefaultInstance();
        private WorkflowClientOptions workflowClientOptions;
        private Boolean useTimeskipping;
        private boolean doNotStart;

        private Builder() {
        }

        /**
         * Sets the workflow implementation types to register on each test's worker, replacing any set before.
         *
         * @param workflowTypes classes implementing a {@code @WorkflowInterface}; never {@code null}
         * @return this builder
         */
        public Builder setWorkflowTypes(Class<?>... workflowTypes) {
            return setWorkflowTypes(WorkflowImplementationOptions.getDefaultInstance(), workflowTypes);
        }

        /**
         * Sets the workflow implementation types to register on each test's worker with {@code options}, replacing
         * any set before: the exception types that fail the workflow and the activity options of stubs made
         * without options ({@link Worker#registerWorkflowImplementationTypes(WorkflowImplementationOptions,
         * Class[])}).
         *
         * @param options the options of these types; never {@code null}
         * @param workflowTypes classes implementing a {@code @WorkflowInterface}; never {@code null}
         * @return this builder
         * @since 0.1
         */
        public Builder setWorkflowTypes(WorkflowImplementationOptions options, Class<?>... workflowTypes) {
            this.workflowTypes = WorkflowRegistrations.none().with(options, workflowTypes);
            return this;
        }

        /**
         * Sets the activity implementations to register on each test's worker, replacing any set before.
         *
         * <p>The same objects serve every test built from this builder; a rule in an instance field is built anew
         * for each test, and so are mocks in the instance fields declared before it.
         *
         * @param activityImplementations objects implementing {@code @ActivityInterface}s, such as mocks; never
         *     {@code null}
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
         * {@link #setWorkflowClientOptions} and {@link #setUseTimeskipping}, if called, override what these
         * options say, whatever the order of the calls.
         *
         * @param options the options; never {@code null}
         * @return this builder
         */
        public Builder setTestEnvironmentOptions(TestEnvironmentOptions options) {
            this.options = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * Sets the options of each test's client, such as a data converter; the environment's workers and
         * self-check replay use them too ({@link TestEnvironmentOptions.Builder#setWorkflowClientOptions}).
         *
         * @param options the options; never {@code null}
         * @return this builder
         */
        public Builder setWorkflowClientOptions(WorkflowClientOptions options) {
            this.workflowClientOptions = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * Sets whether virtual time skips ahead on its own while a client waits for a workflow result (default
         * {@code true}). With {@code false}, time moves only when the test calls
         * {@code getTestEnvironment().sleep(...)}; see {@link TestEnvironmentOptions.Builder#setUseTimeskipping}.
         *
         * @param useTimeskipping whether time skips on its own
         * @return this builder
         */
        public Builder setUseTimeskipping(boolean useTimeskipping) {
            this.useTimeskipping = useTimeskipping;
            return this;
        }

        /**
         * Sets whether the rule leaves the environment unstarted (default {@code false}: it starts it). With
         * {@code true}, the test registers more on {@link TestWorkflowRule#getWorker()} (or creates other
         * workers), then calls {@code getTestEnvironment().start()}.
         *
         * @param doNotStart {@code true} to leave starting the environment to the test
         * @return this builder
         */
        public Builder setDoNotStart(boolean doNotStart) {
            this.doNotStart = doNotStart;
            return this;
        }

        /**
         * Accepts a namespace and ignores it, so that tests ported from Temporal keep compiling: Hourglass has no
         * namespaces, and each test's in-memory environment is already apart from every other.
         *
         * @param namespace the namespace; never {@code null}
         * @return this builder
         */
        public Builder setNamespace(String namespace) {
            Objects.requireNonNull(namespace, "namespace");
            return this;
        }

        /**
         * Returns the rule.
         *
         * @return a new rule; never {@code null}
         */
        public TestWorkflowRule build() {
            return new TestWorkflowRule(this);
        }
    }
}
