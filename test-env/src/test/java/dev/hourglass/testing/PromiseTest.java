package dev.hourglass.testing;

import static dev.hourglass.history.EventType.TimerCanceled;
import static dev.hourglass.history.EventType.TimerFired;
import static dev.hourglass.history.EventType.TimerStarted;
import static dev.hourglass.history.EventType.WorkflowExecutionCompleted;
import static dev.hourglass.history.EventType.WorkflowExecutionStarted;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.common.RetryPolicy;
import dev.hourglass.failure.ActivityFailure;
import dev.hourglass.failure.ApplicationFailure;
import dev.hourglass.worker.Worker;
import dev.hourglass.workflow.CompletablePromise;
import dev.hourglass.workflow.Promise;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PromiseTest {

    private static final String QUEUE = "promises";

    @ActivityInterface
    public interface Warehouse {
        String reserve(String item);

        String ship(String reservation);
    }

    public static class WarehouseImpl implements Warehouse {
        @Override
        public String reserve(String item) {
            if (item.equals("unicorn")) {
                throw ApplicationFailure.newNonRetryableFailure("no " + item + " in stock", "OutOfStock");
            }
            return "reservation of " + item;
        }

        @Override
        public String ship(String reservation) {
            return "shipped " + reservation;
        }
    }

    /** Runs the scenario {@code scenario} names and describes its outcome. */
    @WorkflowInterface
    public interface Scenarios {
        @WorkflowMethod
        String run(String scenario, String item);
    }

    public static class ScenariosImpl implements Scenarios {
        private final Warehouse warehouse = Workflow.newActivityStub(Warehouse.class, ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofSeconds(10))
                .setRetryPolicy(RetryPolicy.newBuilder().setMaximumAttempts(1).build())
                .build());

        @Override
        public String run(String scenario, String item) {
            switch (scenario) {
                case "compose":
                    return Workflow.async(warehouse::reserve, item)
                            .thenCompose(reservation -> Workflow.async(warehouse::ship, reservation))
                            .exceptionally(failure -> "not shipped: " + failure.getClass().getSimpleName() + " of "
                                    + ((ApplicationFailure) failure.getCause()).getType())
                            .get();
                case "waitLong":
                    return waited(Workflow.newTimer(Duration.ofMinutes(5)), 10);
                case "waitShort":
                    return waited(Workflow.newTimer(Duration.ofMinutes(5)), 1);
                case "waitCompleted":
                    CompletablePromise<String> ready = Workflow.newPromise();
                    ready.complete("ready");
                    return waited(ready, 1);
                default:
                    throw new IllegalArgumentException(scenario);
            }
        }

        private static String waited(Promise<?> promise, long minutes) {
            long start = Workflow.currentTimeMillis();
            String outcome;
            try {
                promise.get(minutes, TimeUnit.MINUTES);
                outcome = "completed";
            } catch (TimeoutException e) {
                outcome = "timed out";
            }
            return outcome + " after " + Duration.ofMillis(Workflow.currentTimeMillis() - start);
        }
    }

    private TestWorkflowEnvironment env;

    @BeforeEach
    void setUp() {
        env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder().setSeed(11).build());
        Worker worker = env.newWorker(QUEUE);
        worker.registerWorkflowImplementationTypes(ScenariosImpl.class);
        worker.registerActivitiesImplementations(new WarehouseImpl());
        env.start();
    }

    @AfterEach
    void tearDown() {
        env.close();
    }

    private String run(String workflowId, String scenario, String item) {
        return env.getWorkflowClient().newWorkflowStub(Scenarios.class,
                WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId(workflowId).build()).run(scenario, item);
    }

    @Test
    void thenComposeRunsTheNextAsynchronousStepWithTheFirstOnesValue() {
        assertThat(run("compose-1", "compose", "lamp")).isEqualTo("shipped reservation of lamp");
    }

    @Test
    void aFailureOfTheFirstStepPassesThroughThenComposeToExceptionally() {
        assertThat(run("compose-2", "compose", "unicorn")).isEqualTo("not shipped: ActivityFailure of OutOfStock");
    }

    @Test
    void getWithATimeoutReturnsWhenThePromiseCompletesFirstAndCancelsItsTimer() {
        assertThat(run("wait-1", "waitLong", "")).isEqualTo("completed after PT5M");

        HourglassAssertions.assertThat(env.getWorkflowClient().fetchHistory("wait-1")).hasEventsInOrder(
                WorkflowExecutionStarted, TimerStarted, TimerStarted, TimerFired, TimerCanceled,
                WorkflowExecutionCompleted);
    }

    @Test
    void getWithATimeoutThrowsTimeoutExceptionWhenTheWorkflowTimePasses() {
        assertThat(run("wait-2", "waitShort", "")).isEqualTo("timed out after PT1M");
    }

    @Test
    void getWithATimeoutOnACompletedPromiseReturnsAtOnceWithoutATimer() {
        assertThat(run("wait-3", "waitCompleted", "")).isEqualTo("completed after PT0S");

        HourglassAssertions.assertThat(env.getWorkflowClient().fetchHistory("wait-3"))
                .hasExactlyEvents(WorkflowExecutionStarted, WorkflowExecutionCompleted);
    }
}
