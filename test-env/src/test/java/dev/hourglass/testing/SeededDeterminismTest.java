package dev.hourglass.testing;

import static dev.hourglass.testing.HourglassAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.history.ChildWorkflowExecutionStartedAttributes;
import dev.hourglass.history.EventType;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.testing.VirtualTimeFixtures.ClockProbe;
import dev.hourglass.testing.VirtualTimeFixtures.Crowd;
import dev.hourglass.testing.VirtualTimeFixtures.CrowdImpl;
import dev.hourglass.testing.VirtualTimeFixtures.Everything;
import dev.hourglass.testing.VirtualTimeFixtures.EverythingImpl;
import dev.hourglass.testing.VirtualTimeFixtures.Sleeper;
import dev.hourglass.testing.VirtualTimeFixtures.SleeperImpl;
import dev.hourglass.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A seed reproduces histories byte for byte: the same code run twice in environments of the same seed records
 * the same events at the same virtual times with the same run ids, random values and ordering.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SeededDeterminismTest {

    private static final String QUEUE = "seeded";

    /** What one run of a scenario recorded: the JSON of every history, and the order activities ran in. */
    private record Recording(List<String> histories, List<String> activityOrder) {
    }

    private static TestWorkflowEnvironment newEnvironment(long seed, ClockProbe[] probe) {
        TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(
                TestEnvironmentOptions.newBuilder().setSeed(seed).build());
        probe[0] = new ClockProbe(env::currentTimeMillis);
        Worker worker = env.newWorker(QUEUE);
        worker.registerWorkflowImplementationTypes(EverythingImpl.class, CrowdImpl.class, SleeperImpl.class);
        worker.registerActivitiesImplementations(probe[0]);
        env.start();
        return env;
    }

    private static <T> T stub(WorkflowClient client, Class<T> type, String workflowId) {
        return client.newWorkflowStub(type, WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId(workflowId)
                .build());
    }

    /** The history of the run and those of the children it started, parent first. */
    private static List<History> withChildren(WorkflowClient client, String workflowId) {
        List<History> histories = new ArrayList<>();
        History parent = client.fetchHistory(workflowId);
        histories.add(parent);
        for (HistoryEvent event : parent.getEvents()) {
            if (event.getAttributes() instanceof ChildWorkflowExecutionStartedAttributes) {
                ChildWorkflowExecutionStartedAttributes child =
                        (ChildWorkflowExecutionStartedAttributes) event.getAttributes();
                histories.add(client.fetchHistory(child.workflowId(), child.runId()));
            }
        }
        return histories;
    }

    private static List<String> json(List<History> histories) {
        return histories.stream().map(History::toJson).toList();
    }

    /**
     * Three executions one after another, each with an activity, a timer, a side effect, random values, a signal
     * sent once the environment is idle, and a child workflow.
     */
    private static Recording everythingOneAfterAnother(long seed) {
        ClockProbe[] probe = new ClockProbe[1];
        try (TestWorkflowEnvironment env = newEnvironment(seed, probe)) {
            WorkflowClient client = env.getWorkflowClient();
            List<History> histories = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Everything everything = stub(client, Everything.class, "everything-" + i);
                WorkflowClient.start(everything::run, i);
                env.sleep(Duration.ofMinutes(30));
                everything.post("signal-" + i);
                client.newUntypedWorkflowStub("everything-" + i).getResult(String.class);
                histories.addAll(withChildren(client, "everything-" + i));
            }
            return new Recording(json(histories), List.copyOf(probe[0].labels));
        }
    }

    /** Ten executions whose timers fire at the same instant, each then running (an activity and) a child. */
    private static Recording crowdWakingTogether(long seed, boolean withActivity) {
        ClockProbe[] probe = new ClockProbe[1];
        try (TestWorkflowEnvironment env = newEnvironment(seed, probe)) {
            WorkflowClient client = env.getWorkflowClient();
            for (int i = 0; i < 10; i++) {
                WorkflowClient.start(stub(client, Crowd.class, "crowd-" + i)::run, "crowd-" + i, withActivity);
            }
            List<CompletableFuture<Long>> results = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                results.add(client.newUntypedWorkflowStub("crowd-" + i).getResultAsync(Long.class));
            }
            CompletableFuture.allOf(results.toArray(new CompletableFuture<?>[0])).join();
            List<History> histories = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                histories.addAll(withChildren(client, "crowd-" + i));
            }
            return new Recording(json(histories), List.copyOf(probe[0].labels));
        }
    }

    @Test
    void theSameSeedRecordsByteIdenticalHistoriesOfTimersActivitiesSideEffectsRandomnessSignalsAndChildren() {
        Recording first = everythingOneAfterAnother(42);
        Recording second = everythingOneAfterAnother(42);

        assertThat(first.histories()).hasSize(6);
        assertThat(History.fromJson(first.histories().get(0))).hasEventsInOrder(EventType.ActivityTaskCompleted,
                EventType.TimerFired, EventType.MarkerRecorded, EventType.WorkflowExecutionSignaled,
                EventType.ChildWorkflowExecutionCompleted, EventType.WorkflowExecutionCompleted);
        for (int i = 0; i < first.histories().size(); i++) {
            assertThat(second.histories().get(i)).as("history %d", i).isEqualTo(first.histories().get(i));
        }
    }

    @Test
    void theSameSeedOrdersExecutionsWakingAtTheSameInstantTheSameWay() {
        Recording first = crowdWakingTogether(42, false);
        Recording second = crowdWakingTogether(42, false);

        assertSameInstantCrowd(first);
        for (int i = 0; i < first.histories().size(); i++) {
            assertThat(second.histories().get(i)).as("history %d", i).isEqualTo(first.histories().get(i));
        }
    }

    @Test
    void theSameSeedOrdersActivitiesOfExecutionsWakingAtTheSameInstantTheSameWay() {
        Recording first = crowdWakingTogether(42, true);
        Recording second = crowdWakingTogether(42, true);

        assertSameInstantCrowd(first);
        for (int i = 0; i < first.histories().size(); i++) {
            assertThat(second.histories().get(i)).as("history %d", i).isEqualTo(first.histories().get(i));
        }
        assertThat(second.activityOrder()).isEqualTo(first.activityOrder());
    }

    private static void assertSameInstantCrowd(Recording recording) {
        assertThat(recording.histories()).hasSize(20);
        assertThat(recording.histories()).filteredOn(json -> json.contains("\"workflowType\": \"Crowd\""))
                .as("the crowd's histories")
                .hasSize(10)
                .allSatisfy(json -> assertThat(timerFiredAt(json)).as("when the timer fired")
                        .isEqualTo(TestEnvironmentOptions.DEFAULT_INITIAL_TIME.plus(Duration.ofHours(1))));
    }

    private static Instant timerFiredAt(String json) {
        return History.fromJson(json).getEvents().stream()
                .filter(event -> event.getEventType() == EventType.TimerFired)
                .findFirst().orElseThrow().getEventTime();
    }

    @Test
    void differentSeedsGiveDifferentRunIds() {
        assertThat(firstRunId(1)).isNotEqualTo(firstRunId(2));
    }

    @Test
    void theSameSeedGivesTheSameRunIds() {
        assertThat(firstRunId(1)).isEqualTo(firstRunId(1));
    }

    private static String firstRunId(long seed) {
        ClockProbe[] probe = new ClockProbe[1];
        try (TestWorkflowEnvironment env = newEnvironment(seed, probe)) {
            Sleeper sleeper = stub(env.getWorkflowClient(), Sleeper.class, "sleeper");
            return WorkflowClient.start(sleeper::sleep, Duration.ofMinutes(1)).getRunId();
        }
    }
}
