package dev.hourglass.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.history.History;
import dev.hourglass.history.WorkflowExecutionStartedAttributes;
import dev.hourglass.service.HistoryLimits;
import dev.hourglass.worker.Worker;
import dev.hourglass.workflow.ContinueAsNewOptions;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInfo;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ContinueAsNewStubTest {

    /** Bills one month per run and continues as new into the next, until {@code lastMonth}. */
    @WorkflowInterface
    public interface Subscription {
        @WorkflowMethod
        String bill(int month, int lastMonth);
    }

    public static class SubscriptionImpl implements Subscription {
        @Override
        public String bill(int month, int lastMonth) {
            Workflow.sleep(Duration.ofDays(30));
            if (month < lastMonth) {
                Workflow.newContinueAsNewStub(Subscription.class).bill(month + 1, lastMonth);
            }
            return "billed " + month + " months";
        }
    }

    /** Moves to the task queue {@code "v2"} by continuing as new with options, and reports where it runs. */
    @WorkflowInterface
    public interface Migration {
        @WorkflowMethod
        String migrate(boolean viaStub);
    }

    public static class MigrationImpl implements Migration {
        @Override
        public String migrate(boolean viaStub) {
            String queue = Workflow.getInfo().getTaskQueue();
            if (queue.equals("v2")) {
                return "ran on " + queue + " after " + Workflow.getInfo().getContinuedExecutionRunId().isPresent();
            }
            ContinueAsNewOptions options = ContinueAsNewOptions.newBuilder().setTaskQueue("v2").build();
            if (viaStub) {
                Workflow.newContinueAsNewStub(Migration.class, options).migrate(true);
            } else {
                Workflow.continueAsNew(options, false);
            }
            return "never";
        }
    }

    /** Sleeps a minute at a time until continue-as-new is suggested, and returns the history size then. */
    @WorkflowInterface
    public interface Ticker {
        @WorkflowMethod
        long tickUntilSuggested();
    }

    public static class TickerImpl implements Ticker {
        @Override
        public long tickUntilSuggested() {
            WorkflowInfo info = Workflow.getInfo();
            while (!info.isContinueAsNewSuggested()) {
                Workflow.sleep(Duration.ofMinutes(1));
            }
            return info.getHistorySize();
        }
    }

    private TestWorkflowEnvironment env;

    @AfterEach
    void tearDown() {
        env.close();
    }

    private void start(HistoryLimits limits) {
        env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder().setSeed(5)
                .setHistoryLimits(limits).build());
        for (String queue : new String[] {"v1", "v2"}) {
            Worker worker = env.newWorker(queue);
            worker.registerWorkflowImplementationTypes(SubscriptionImpl.class, MigrationImpl.class, TickerImpl.class);
        }
        env.start();
    }

    private <T> T stub(Class<T> type, String workflowId) {
        return env.getWorkflowClient().newWorkflowStub(type,
                WorkflowOptions.newBuilder().setTaskQueue("v1").setWorkflowId(workflowId).build());
    }

    @Test
    void callingTheWorkflowMethodOfAContinueAsNewStubStartsANewRunWithItsArguments() {
        start(HistoryLimits.getDefaultInstance());

        String result = stub(Subscription.class, "subscription").bill(1, 3);

        assertThat(result).isEqualTo("billed 3 months");
        History last = env.getWorkflowClient().fetchHistory("subscription");
        WorkflowExecutionStartedAttributes started = last.getEvents().get(0)
                .getAttributes(WorkflowExecutionStartedAttributes.class);
        assertThat(started.continuedFromRunId()).isNotNull();
        assertThat(started.input().toJson()).isEqualTo("[3,3]");
    }

    @Test
    void continueAsNewWithATaskQueueStartsTheNewRunOnThatQueue() {
        start(HistoryLimits.getDefaultInstance());

        assertThat(stub(Migration.class, "migration-1").migrate(false)).isEqualTo("ran on v2 after true");
    }

    @Test
    void aContinueAsNewStubWithOptionsStartsTheNewRunOnTheirTaskQueue() {
        start(HistoryLimits.getDefaultInstance());

        assertThat(stub(Migration.class, "migration-2").migrate(true)).isEqualTo("ran on v2 after true");
    }

    @Test
    void continueAsNewIsSuggestedOnceTheHistorySizeReachesTheSizeWarning() {
        start(HistoryLimits.newBuilder().setSizeWarning(3_000).setSizeLimit(100_000).build());

        long size = stub(Ticker.class, "ticker").tickUntilSuggested();

        assertThat(size).isBetween(3_000L, 3_500L);
    }
}
