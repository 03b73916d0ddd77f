package dev.hourglass.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.common.RetryPolicy;
import dev.hourglass.worker.WorkerFactoryOptions;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A worker given a Micrometer registry records its workflow tasks, activity attempts and backlog in it. */
class WorkerMetricsTest {

    @ActivityInterface
    public interface Ledger {
        String post(String entry);
    }

    /** Fails its first attempt, then posts. */
    public static class FlakyLedger implements Ledger {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public String post(String entry) {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("the ledger is busy");
            }
            return "posted " + entry;
        }
    }

    @WorkflowInterface
    public interface Posting {
        @WorkflowMethod
        String post(String entry);
    }

    public static class PostingImpl implements Posting {
        private final Ledger ledger = Workflow.newActivityStub(Ledger.class, ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofSeconds(10))
                .setRetryPolicy(RetryPolicy.newBuilder().setInitialInterval(Duration.ofMillis(10)).build())
                .build());

        @Override
        public String post(String entry) {
            Workflow.sleep(Duration.ofMillis(1));
            return ledger.post(entry);
        }
    }

    @WorkflowInterface
    public interface Fragile {
        @WorkflowMethod
        String run();
    }

    /** Its first workflow task fails with a bug; the retry succeeds. */
    public static class FragileImpl implements Fragile {
        static final AtomicInteger TASKS = new AtomicInteger();

        @Override
        public String run() {
            if (!Workflow.isReplaying() && TASKS.incrementAndGet() == 1) {
                throw new IllegalStateException("a bug, fixed by the next deploy");
            }
            return "ran";
        }
    }

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @RegisterExtension
    final E2eEnvironment env = E2eEnvironment.newBuilder()
            .registerWorkflowImplementationTypes(PostingImpl.class, FragileImpl.class)
            .withFastWorkflowTaskRetries()
            .registerActivitiesImplementations(new FlakyLedger())
            .setWorkerFactoryOptions(WorkerFactoryOptions.newBuilder().setMeterRegistry(registry).build())
            .build();

    private String post() {
        return env.newWorkflowStub(Posting.class, "posting-1").post("rent");
    }

    @Test
    void eachWorkflowTaskIsTimedWithItsTaskQueueAndWorkflowType() {
        assertThat(post()).isEqualTo("posted rent");

        // the start, the timer, the activity's result (its failed attempt's retry is no workflow task); a task's
        // latency is recorded once the service took its answer, which may be just after the client saw the result
        E2eEnvironment.await("three workflow tasks timed", () -> registry.get("hourglass.workflow.task.latency")
                .tag("task_queue", env.taskQueue()).tag("workflow_type", "Posting").timer().count() >= 3);
    }

    @Test
    void eachActivityAttemptIsCountedAndAFailedOneAsAFailure() {
        post();

        assertThat(registry.get("hourglass.activity.attempts").tag("activity_type", "post").counter().count())
                .isEqualTo(2);
        assertThat(registry.get("hourglass.activity.failures").tag("activity_type", "post").counter().count())
                .isEqualTo(1);
        assertThat(registry.get("hourglass.activity.schedule_to_start.latency").tag("activity_type", "post")
                .timer().count()).isEqualTo(2);
        assertThat(registry.get("hourglass.activity.execution.latency").tag("activity_type", "post")
                .timer().count()).isEqualTo(2);
    }

    @Test
    void laterWorkflowTasksOfARunAreCacheLookups() {
        post();

        // by task queue: the factory's internal worker of schedules has cache counters of its own
        double hits = registry.get("hourglass.workflow.cache").tag("task_queue", env.taskQueue())
                .tag("result", "hit").counter().count();
        double misses = registry.get("hourglass.workflow.cache").tag("task_queue", env.taskQueue())
                .tag("result", "miss").counter().count();
        assertThat(hits + misses).isGreaterThanOrEqualTo(2);
    }

    @Test
    void theBacklogGaugeReadsTheTaskQueueOfTheService() {
        post();

        Gauge backlog = registry.get("hourglass.task_queue.backlog").tag("task_queue", env.taskQueue()).gauge();
        assertThat(backlog.value()).isZero();
    }

    @Test
    void aFailedWorkflowTaskIsCounted() {
        FragileImpl.TASKS.set(0);

        assertThat(env.newWorkflowStub(Fragile.class, "fragile-1").run()).isEqualTo("ran");

        assertThat(registry.get("hourglass.workflow.task.failures").tag("workflow_type", "Fragile").counter()
                .count()).isEqualTo(1);
    }
}
