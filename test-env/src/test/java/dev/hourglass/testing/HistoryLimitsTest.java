package dev.hourglass.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.client.WorkflowFailedException;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.failure.TerminatedFailure;
import dev.hourglass.history.EventType;
import dev.hourglass.history.History;
import dev.hourglass.history.WorkflowExecutionStartedAttributes;
import dev.hourglass.service.HistoryLimits;
import dev.hourglass.worker.Worker;
import dev.hourglass.workflow.Promise;
import dev.hourglass.workflow.SignalMethod;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A run's history is bounded: the code hears when it should continue as new, the service warns, and a run past
 * the limit is terminated instead of growing without end.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HistoryLimitsTest {

    @WorkflowInterface
    public interface Ticker {
        @WorkflowMethod
        int tickUntilSuggested();
    }

    /** Sleeps a minute at a time until continue-as-new is suggested; returns the history length it saw then. */
    public static class TickerImpl implements Ticker {
        @Override
        public int tickUntilSuggested() {
            while (!Workflow.getInfo().isContinueAsNewSuggested()) {
                Workflow.sleep(Duration.ofMinutes(1));
            }
            return Workflow.getInfo().getHistoryLength();
        }
    }

    @WorkflowInterface
    public interface Subscription {
        @WorkflowMethod
        int bill(int periodsBilled);
    }

    /** Bills a period every 30 days, 50 in all, continuing as new whenever that is suggested. */
    public static class SubscriptionImpl implements Subscription {
        @Override
        public int bill(int periodsBilled) {
            int billed = periodsBilled;
            while (billed < 50) {
                Workflow.sleep(Duration.ofDays(30));
                billed++;
                if (Workflow.getInfo().isContinueAsNewSuggested()) {
                    Workflow.continueAsNew(billed);
                }
            }
            return billed;
        }
    }

    @WorkflowInterface
    public interface Poller {
        @WorkflowMethod
        void pollForever();
    }

    /** Never continues as new: its history grows until the service stops it. */
    public static class PollerImpl implements Poller {
        @Override
        public void pollForever() {
            while (true) {
                Workflow.sleep(Duration.ofMinutes(5));
            }
        }
    }

    @WorkflowInterface
    public interface Timers {
        @WorkflowMethod
        void startAll(int count);
    }

    /** Starts {@code count} timers at once and waits for all of them. */
    public static class TimersImpl implements Timers {
        @Override
        public void startAll(int count) {
            List<Promise<Void>> timers = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                timers.add(Workflow.newTimer(Duration.ofSeconds(i)));
            }
            Promise.allOf(timers).get();
        }
    }

    @WorkflowInterface
    public interface Notebook {
        @WorkflowMethod
        List<Long> collect(int notes);

        @SignalMethod
        void add(String note);
    }

    /** Records the history size that the code sees after each note arrives. */
    public static class NotebookImpl implements Notebook {
        private final List<Long> sizes = new ArrayList<>();

        @Override
        public List<Long> collect(int notes) {
            sizes.add(Workflow.getInfo().getHistorySize());
            Workflow.await(() -> sizes.size() > notes);
            return sizes;
        }

        @Override
        public void add(String note) {
            sizes.add(Workflow.getInfo().getHistorySize());
        }
    }

    private TestWorkflowEnvironment env;

    private void start(HistoryLimits limits) {
        env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder().setSeed(15)
                .setHistoryLimits(limits).build());
        Worker worker = env.newWorker("limits");
        worker.registerWorkflowImplementationTypes(TickerImpl.class, SubscriptionImpl.class, PollerImpl.class,
                TimersImpl.class, NotebookImpl.class);
        env.start();
    }

    @AfterEach
    void close() {
        env.close(); // replays every closed run under the same limits: the suggestion is deterministic
    }

    private static HistoryLimits eventCounts(int warning, int limit) {
        return HistoryLimits.newBuilder().setEventCountWarning(warning).setEventCountLimit(limit).build();
    }

    private History history(String workflowId) {
        return env.getWorkflowClient().fetchHistory(workflowId);
    }

    private static WorkflowExecutionStartedAttributes startedAttributes(History history) {
        return history.getEvents().get(0).getAttributes(WorkflowExecutionStartedAttributes.class);
    }

    private <T> T stub(Class<T> type, String workflowId) {
        return env.getWorkflowClient().newWorkflowStub(type,
                WorkflowOptions.newBuilder().setTaskQueue("limits").setWorkflowId(workflowId).build());
    }

    @Test
    void continueAsNewIsSuggestedOnceTheHistoryTheCodeHasSeenReachesTheWarning() {
        start(eventCounts(20, 40));

        // 1 started event, then a TimerStarted and a TimerFired per minute: the code sees 1, 3, 5, ... 21
        assertThat(stub(Ticker.class, "ticker").tickUntilSuggested()).isEqualTo(21);
    }

    @Test
    void continueAsNewIsNotSuggestedUnderTheDefaultLimits() {
        start(HistoryLimits.getDefaultInstance());
        Subscription subscription = stub(Subscription.class, "subscription");

        assertThat(subscription.bill(0)).isEqualTo(50);
        assertThat(startedAttributes(history("subscription")).continuedFromRunId()).isNull();
    }

    @Test
    void aWorkflowThatContinuesAsNewWhenSuggestedKeepsEveryRunUnderTheWarning() {
        start(eventCounts(20, 40));

        assertThat(stub(Subscription.class, "subscription").bill(0)).isEqualTo(50);

        History last = history("subscription");
        assertThat(last.getEvents()).hasSizeLessThanOrEqualTo(22);
        assertThat(startedAttributes(last).continuedFromRunId()).isNotNull();
    }

    @Test
    void aRunPastTheEventCountLimitIsTerminatedAndItsCallerToldWhy() {
        start(eventCounts(20, 40));
        Poller poller = stub(Poller.class, "poller");

        assertThatThrownBy(poller::pollForever)
                .isInstanceOf(WorkflowFailedException.class)
                .cause().isInstanceOf(TerminatedFailure.class)
                .hasMessageContaining("grew to 41 events")
                .hasMessageContaining("past the limit of 40 events")
                .hasMessageContaining("Workflow.getInfo().isContinueAsNewSuggested()");
        History history = history("poller");
        assertThat(history.getEvents()).hasSize(42);
        assertThat(history.getLastEvent().getEventType()).isEqualTo(EventType.WorkflowExecutionTerminated);
    }

    @Test
    void fiftyThousandTimersStopAtTheDefaultLimitInsteadOfDoublingTheHistory() {
        start(HistoryLimits.getDefaultInstance());
        Timers timers = stub(Timers.class, "timers");

        assertThatThrownBy(() -> timers.startAll(50_000))
                .isInstanceOf(WorkflowFailedException.class)
                .cause().isInstanceOf(TerminatedFailure.class)
                .hasMessageContaining("past the limit of 51200 events");
        assertThat(history("timers").getEvents()).hasSize(51_202);
    }

    @Test
    void theServiceWarnsOnceWhenAHistoryReachesTheWarning() {
        start(eventCounts(20, 40));
        Ticker ticker = stub(Ticker.class, "ticker");

        String logged = StandardError.capture(ticker::tickUntilSuggested);

        assertThat(logged).containsOnlyOnce("reaching the warning threshold of 20 events");
        assertThat(logged).contains("Ticker", "ticker");
    }

    @Test
    void theHistorySizeTheCodeSeesGrowsByWhatEachEventAdds() {
        start(HistoryLimits.getDefaultInstance());
        Notebook notebook = stub(Notebook.class, "notebook");
        WorkflowClient.start(notebook::collect, 2);

        notebook.add("a".repeat(10_000));
        notebook.add("b");
        List<Long> sizes = notebook.collect(2);

        assertThat(sizes).hasSize(3);
        assertThat(sizes.get(0)).isPositive();
        assertThat(sizes.get(1) - sizes.get(0)).isBetween(10_000L, 10_200L);
        assertThat(sizes.get(2) - sizes.get(1)).isBetween(1L, 200L);
    }
}
