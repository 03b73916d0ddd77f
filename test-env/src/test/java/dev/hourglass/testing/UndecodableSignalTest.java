package dev.hourglass.testing;

import static dev.hourglass.testing.HourglassAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.client.WorkflowStub;
import dev.hourglass.history.EventType;
import dev.hourglass.history.History;
import dev.hourglass.internal.replay.Replayer;
import dev.hourglass.workflow.QueryMethod;
import dev.hourglass.workflow.SignalMethod;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A signal whose input cannot be decoded as its handler's parameters is skipped, the same way on every replay,
 * instead of failing every later task, replay and query of the execution.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class UndecodableSignalTest {

    @WorkflowInterface
    public interface Counter {
        @WorkflowMethod
        int countUntilDone();

        @SignalMethod
        void setCount(int count);

        @SignalMethod
        void done();

        @QueryMethod
        int count();
    }

    public static class CounterImpl implements Counter {
        private int count;
        private boolean done;

        @Override
        public int countUntilDone() {
            Workflow.await(() -> done);
            return count;
        }

        @Override
        public void setCount(int count) {
            this.count = count;
        }

        @Override
        public void done() {
            done = true;
        }

        @Override
        public int count() {
            return count;
        }
    }

    private TestWorkflowEnvironment env;
    private Counter counter;
    private WorkflowStub untyped;

    @BeforeEach
    void start() {
        env = TestWorkflowEnvironment.newInstance();
        env.newWorker("counters").registerWorkflowImplementationTypes(CounterImpl.class);
        env.start();
        counter = env.getWorkflowClient().newWorkflowStub(Counter.class,
                WorkflowOptions.newBuilder().setTaskQueue("counters").setWorkflowId("counter-1").build());
        WorkflowClient.start(counter::countUntilDone);
        untyped = env.getWorkflowClient().newUntypedWorkflowStub("counter-1");
    }

    @AfterEach
    void close() {
        env.close(); // the self-check replays the history with the bad signal in it
    }

    @Test
    void theExecutionGoesOnAfterASignalItCannotDecode() {
        untyped.signal("setCount", "not-a-number");
        counter.setCount(5);
        counter.done();

        assertThat(counter.countUntilDone()).isEqualTo(5);
    }

    @Test
    void theSkippedSignalStaysInTheHistory() {
        untyped.signal("setCount", "not-a-number");
        counter.done();
        counter.countUntilDone();

        assertThat(env.getWorkflowClient().fetchHistory("counter-1"))
                .hasEventsInOrder(EventType.WorkflowExecutionSignaled, EventType.WorkflowExecutionSignaled,
                        EventType.WorkflowExecutionCompleted);
    }

    @Test
    void queriesAfterTheBadSignalAnswerFromTheStateBeforeIt() {
        counter.setCount(3);
        untyped.signal("setCount", "not-a-number");

        assertThat(counter.count()).isEqualTo(3);
    }

    @Test
    void aHistoryWithTheBadSignalReplays() {
        untyped.signal("setCount", "not-a-number");
        counter.setCount(7);
        counter.done();
        counter.countUntilDone();
        History history = env.getWorkflowClient().fetchHistory("counter-1");

        assertThat(Replayer.replay(history, true, CounterImpl.class)).isEmpty();
    }

    @Test
    void theSkipIsLoggedWithTheEventIdTheInputAndWhy() {
        String logged = StandardError.capture(() -> {
            untyped.signal("setCount", "not-a-number");
            counter.done();
            counter.countUntilDone();
        });

        assertThat(logged).contains("signal 'setCount' (event 2) is skipped",
                "CounterImpl.setCount does not run", "[\"not-a-number\"]", "cannot be decoded");
        assertThat(logged).containsOnlyOnce("is skipped");
    }
}
