package dev.hourglass.e2e;

import static dev.hourglass.history.EventType.MarkerRecorded;
import static dev.hourglass.history.EventType.TimerFired;
import static dev.hourglass.history.EventType.TimerStarted;
import static dev.hourglass.history.EventType.WorkflowExecutionCompleted;
import static dev.hourglass.history.EventType.WorkflowExecutionStarted;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.LocalActivityOptions;
import dev.hourglass.history.History;
import dev.hourglass.history.MarkerRecordedAttributes;
import dev.hourglass.internal.history.JsonPayload;
import dev.hourglass.service.ServiceOptions;
import dev.hourglass.worker.WorkerFactoryOptions;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Local activities that take longer than the worker's deadlock detection timeout, and together longer than half the
 * workflow task timeout: the task is not taken for stuck code, and what does not fit in it goes on in the next task.
 */
class LocalActivityTaskTimeTest {

    @ActivityInterface
    public interface Slow {
        int step(int number);
    }

    public static class SlowImpl implements Slow {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public int step(int number) {
            calls.incrementAndGet();
            try {
                Thread.sleep(400);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return number * 10;
        }
    }

    @WorkflowInterface
    public interface Steps {
        @WorkflowMethod
        List<Integer> run(int count);
    }

    public static class StepsImpl implements Steps {
        private final Slow slow = Workflow.newLocalActivityStub(Slow.class,
                LocalActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(5)).build());

        @Override
        public List<Integer> run(int count) {
            List<Integer> results = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                results.add(slow.step(i));
            }
            return results;
        }
    }

    final SlowImpl slow = new SlowImpl();

    @RegisterExtension
    final E2eEnvironment env = E2eEnvironment.newBuilder()
            .registerWorkflowImplementationTypes(StepsImpl.class)
            .registerActivitiesImplementations(slow)
            .setServiceOptions(ServiceOptions.newBuilder().setWorkflowTaskTimeout(Duration.ofMillis(1_000)).build())
            .setWorkerFactoryOptions(WorkerFactoryOptions.newBuilder()
                    .setDeadlockDetectionTimeout(Duration.ofMillis(150)).build())
            .build();

    @Test
    void aLocalActivityLongerThanTheDeadlockTimeoutIsNotTakenForStuckCode() {
        assertThat(env.newWorkflowStub(Steps.class, "slow-1").run(1)).containsExactly(10);

        assertThat(Events.types(env.history("slow-1"))).containsExactly(WorkflowExecutionStarted, MarkerRecorded,
                WorkflowExecutionCompleted);
    }

    @Test
    void localActivitiesThatDoNotFitInHalfTheTaskTimeoutGoOnInTheNextTask() {
        assertThat(env.newWorkflowStub(Steps.class, "slow-3").run(3)).containsExactly(10, 20, 30);

        History history = env.history("slow-3");
        // the first two start within the first 500 ms of the task; the third would start after them
        assertThat(Events.types(history)).containsExactly(WorkflowExecutionStarted, MarkerRecorded, MarkerRecorded,
                MarkerRecorded, TimerStarted, TimerFired, MarkerRecorded, WorkflowExecutionCompleted);
        MarkerRecordedAttributes deferred = Events.ofType(history, MarkerRecordedAttributes.class).get(2);
        assertThat(JsonPayload.node(deferred.details()).get("deferred").asBoolean()).isTrue();
        assertThat(slow.calls).hasValue(3);
    }
}
