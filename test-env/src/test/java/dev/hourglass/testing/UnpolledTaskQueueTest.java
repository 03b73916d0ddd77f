package dev.hourglass.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.worker.Worker;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A client that waits on work that no worker of the environment polls fails at once, saying which queue. */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class UnpolledTaskQueueTest {

    @ActivityInterface
    public interface Ledger {
        String record(String entry);
    }

    @WorkflowInterface
    public interface Bookkeeping {
        @WorkflowMethod
        String book(String entry);
    }

    /** Records the entry with an activity on the task queue "ledgers", which no worker polls. */
    public static class BookkeepingImpl implements Bookkeeping {
        private final Ledger ledger = Workflow.newActivityStub(Ledger.class, ActivityOptions.newBuilder()
                .setTaskQueue("ledgers").setStartToCloseTimeout(Duration.ofMinutes(1)).build());

        @Override
        public String book(String entry) {
            return ledger.record(entry);
        }
    }

    private TestWorkflowEnvironment env;

    @BeforeEach
    void start() {
        env = TestWorkflowEnvironment.newInstance();
        Worker worker = env.newWorker("books");
        worker.registerWorkflowImplementationTypes(BookkeepingImpl.class);
        worker.registerActivitiesImplementations((Ledger) entry -> "recorded " + entry);
        env.start();
    }

    @AfterEach
    void close() {
        env.close();
    }

    @Test
    void aWorkflowStartedOnAQueueNoWorkerPollsFailsTheWaitingCall() {
        Bookkeeping lost = env.getWorkflowClient().newWorkflowStub(Bookkeeping.class,
                WorkflowOptions.newBuilder().setTaskQueue("bokos").setWorkflowId("typo").build());

        assertThatThrownBy(() -> lost.book("rent"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("nothing can run in the test environment: the workflow task of Bookkeeping"
                        + " typo waits on task queue 'bokos'; the workers of this environment poll [books]")
                .hasMessageContaining("for the result of workflow typo");
    }

    @Test
    void anActivityScheduledOnAQueueNoWorkerPollsFailsTheWaitingCall() {
        Bookkeeping books = env.getWorkflowClient().newWorkflowStub(Bookkeeping.class,
                WorkflowOptions.newBuilder().setTaskQueue("books").setWorkflowId("ledger").build());

        assertThatThrownBy(() -> books.book("rent"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("activity record of workflow ledger waits on task queue 'ledgers'");
    }
}
