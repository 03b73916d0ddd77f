package dev.hourglass.testing.cancellation;

import static dev.hourglass.history.EventType.ActivityTaskScheduled;
import static dev.hourglass.history.EventType.ActivityTaskTimedOut;
import static dev.hourglass.history.EventType.WorkflowExecutionCompleted;
import static dev.hourglass.history.EventType.WorkflowExecutionStarted;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.activity.Activity;
import dev.hourglass.client.ActivityCompletionException;
import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.client.ActivityNotExistsException;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.common.RetryPolicy;
import dev.hourglass.failure.ActivityFailure;
import dev.hourglass.failure.TimeoutFailure;
import dev.hourglass.history.ActivityTaskTimedOutAttributes;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.internal.replay.Replayer;
import dev.hourglass.testing.TestEnvironmentOptions;
import dev.hourglass.testing.TestWorkflowEnvironment;
import dev.hourglass.worker.Worker;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The schedule-to-start timeout, and heartbeats of attempts that timed out, in virtual time. */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ActivityTimeoutsTest {

    private static final String QUEUE = "labels";

    @ActivityInterface
    public interface Printer {
        String print(String label);
    }

    /** Heartbeats once, waits for the test (without heartbeating), then heartbeats again. */
    public static final class StallingPrinter implements Printer {
        final CountDownLatch resume = new CountDownLatch(1);
        final CompletableFuture<Throwable> secondHeartbeat = new CompletableFuture<>();

        @Override
        public String print(String label) {
            Activity.getExecutionContext().heartbeat(1);
            try {
                resume.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try {
                Activity.getExecutionContext().heartbeat(2);
                secondHeartbeat.complete(null);
            } catch (ActivityCompletionException e) {
                secondHeartbeat.complete(e);
                throw e;
            }
            return "printed " + label;
        }
    }

    @WorkflowInterface
    public interface Labelling {
        /** Prints a label on {@code taskQueue}; returns the result or the timeout type that failed it. */
        @WorkflowMethod
        String label(String taskQueue, int maximumAttempts);
    }

    public static class LabellingImpl implements Labelling {
        @Override
        public String label(String taskQueue, int maximumAttempts) {
            Printer printer = Workflow.newActivityStub(Printer.class, ActivityOptions.newBuilder()
                    .setTaskQueue(taskQueue)
                    .setScheduleToStartTimeout(Duration.ofMinutes(5))
                    .setStartToCloseTimeout(Duration.ofHours(1))
                    .setHeartbeatTimeout(Duration.ofSeconds(30))
                    .setRetryPolicy(RetryPolicy.newBuilder().setMaximumAttempts(maximumAttempts).build())
                    .build());
            try {
                return printer.print("parcel-1");
            } catch (ActivityFailure e) {
                TimeoutFailure timeout = (TimeoutFailure) e.getCause();
                return "timed out: " + timeout.getTimeoutType();
            }
        }
    }

    private final StallingPrinter printer = new StallingPrinter();
    private TestWorkflowEnvironment env;
    private WorkflowClient client;

    @BeforeEach
    void start() {
        env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder().setSeed(3)
                .setHungActivityThreshold(Duration.ofMillis(50)).build());
        Worker worker = env.newWorker(QUEUE);
        worker.registerWorkflowImplementationTypes(LabellingImpl.class);
        worker.registerActivitiesImplementations(printer);
        env.start();
        client = env.getWorkflowClient();
    }

    @AfterEach
    void close() {
        printer.resume.countDown();
        env.close();
    }

    private Labelling stub(String workflowId) {
        return client.newWorkflowStub(Labelling.class,
                WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId(workflowId).build());
    }

    @Test
    void anAttemptNoWorkerPicksUpTimesOutScheduleToStartInVirtualTime() {
        long before = env.currentTimeMillis();

        String result = stub("unpolled").label("printers-of-a-closed-site", 10);

        assertThat(result).isEqualTo("timed out: SCHEDULE_TO_START");
        assertThat(env.currentTimeMillis() - before).isEqualTo(Duration.ofMinutes(5).toMillis());
    }

    @Test
    void aScheduleToStartTimeoutIsNotRetried() {
        stub("not-retried").label("printers-of-a-closed-site", 10);

        History history = client.fetchHistory("not-retried");
        assertThat(history.getEvents().stream().map(HistoryEvent::getEventType).collect(Collectors.toList()))
                .containsExactly(WorkflowExecutionStarted, ActivityTaskScheduled, ActivityTaskTimedOut,
                        WorkflowExecutionCompleted);
        assertThat(history.getEvents().get(2).getAttributes(ActivityTaskTimedOutAttributes.class).timeoutType())
                .isEqualTo(dev.hourglass.failure.TimeoutType.SCHEDULE_TO_START);
    }

    @Test
    void aScheduleToStartTimeoutHistoryReplays() {
        stub("replayed").label("printers-of-a-closed-site", 10);

        assertThat(Replayer.replay(client.fetchHistory("replayed"), true, LabellingImpl.class)).isEmpty();
    }

    @Test
    void aHeartbeatOfAnAttemptThatTimedOutThrowsActivityNotExistsException() throws Exception {
        String result = stub("stalled").label(QUEUE, 1);
        printer.resume.countDown();

        assertThat(result).isEqualTo("timed out: HEARTBEAT");
        assertThat(printer.secondHeartbeat.get(20, TimeUnit.SECONDS))
                .isInstanceOf(ActivityNotExistsException.class)
                .hasMessageContaining("activity print (id 1, attempt 1, workflow stalled) is no longer known");
    }
}
