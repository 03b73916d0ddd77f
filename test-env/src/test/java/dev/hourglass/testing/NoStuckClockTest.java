package dev.hourglass.testing;

import static dev.hourglass.testing.HourglassAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.history.EventType;
import dev.hourglass.testing.VirtualTimeFixtures.ActivityThenSleep;
import dev.hourglass.testing.VirtualTimeFixtures.ActivityThenSleepImpl;
import dev.hourglass.testing.VirtualTimeFixtures.ClockProbe;
import dev.hourglass.testing.VirtualTimeFixtures.Gate;
import dev.hourglass.testing.VirtualTimeFixtures.GateImpl;
import dev.hourglass.testing.VirtualTimeFixtures.Heartbeating;
import dev.hourglass.testing.VirtualTimeFixtures.HeartbeatingImpl;
import dev.hourglass.testing.VirtualTimeFixtures.Mailbox;
import dev.hourglass.testing.VirtualTimeFixtures.MailboxImpl;
import dev.hourglass.testing.VirtualTimeFixtures.Parent;
import dev.hourglass.testing.VirtualTimeFixtures.ParentImpl;
import dev.hourglass.testing.VirtualTimeFixtures.Retrying;
import dev.hourglass.testing.VirtualTimeFixtures.RetryingImpl;
import dev.hourglass.testing.VirtualTimeFixtures.Sleeper;
import dev.hourglass.testing.VirtualTimeFixtures.SleeperImpl;
import dev.hourglass.testing.VirtualTimeFixtures.TimedGate;
import dev.hourglass.testing.VirtualTimeFixtures.TimedGateImpl;
import dev.hourglass.worker.Worker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The virtual clock never sticks: whatever a workflow waits for (a timer, a retry backoff, a heartbeat timeout, a
 * child, a condition, a signal, a delayed callback), days of virtual time pass without being waited for in real
 * time, and the clock lands exactly on the instant the waited-for thing was due.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class NoStuckClockTest {

    private static final String QUEUE = "clock";
    private static final long START = TestEnvironmentOptions.DEFAULT_INITIAL_TIME.toEpochMilli();

    private TestWorkflowEnvironment env;
    private WorkflowClient client;
    private ClockProbe probe;

    @BeforeEach
    void setUp() {
        env = newEnvironment();
        probe = start(env);
        client = env.getWorkflowClient();
    }

    @AfterEach
    void tearDown() {
        probe.release.countDown();
        env.close();
    }

    private static TestWorkflowEnvironment newEnvironment() {
        return TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder().setSeed(7).build());
    }

    /** Registers the fixtures on the environment's worker, starts it, and returns the probe it runs. */
    private static ClockProbe start(TestWorkflowEnvironment environment) {
        ClockProbe clockProbe = new ClockProbe(environment::currentTimeMillis);
        Worker worker = environment.newWorker(QUEUE);
        worker.registerWorkflowImplementationTypes(SleeperImpl.class, ActivityThenSleepImpl.class, MailboxImpl.class,
                GateImpl.class, TimedGateImpl.class, ParentImpl.class, RetryingImpl.class, HeartbeatingImpl.class);
        worker.registerActivitiesImplementations(clockProbe);
        environment.start();
        return clockProbe;
    }

    private <T> T stub(Class<T> type, String workflowId) {
        return client.newWorkflowStub(type, WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId(workflowId)
                .build());
    }

    private <R> R resultOf(String workflowId, Class<R> type) {
        return client.newUntypedWorkflowStub(workflowId).getResult(type);
    }

    private Duration elapsed() {
        return Duration.ofMillis(env.currentTimeMillis() - START);
    }

    @Test
    void aTimerLongerThanAnActivitysStartToCloseTimeoutFiresAndTheWorkflowCompletes() {
        String result = stub(ActivityThenSleep.class, "activity-then-sleep").run(Duration.ofDays(2));

        assertThat(result).isEqualTo("after PT48H");
        assertThat(elapsed()).isEqualTo(Duration.ofDays(2));
        assertThat(client.fetchHistory("activity-then-sleep"))
                .hasExactlyEvents(EventType.WorkflowExecutionStarted, EventType.ActivityTaskScheduled,
                        EventType.ActivityTaskStarted, EventType.ActivityTaskCompleted, EventType.TimerStarted,
                        EventType.TimerFired, EventType.WorkflowExecutionCompleted);
    }

    @Test
    void anActivityThatStopsHeartbeatingTimesOutInVirtualTimeAndIsRetried() {
        int attempt = stub(Heartbeating.class, "heartbeating").run();

        assertThat(attempt).as("the attempt that completed the activity").isEqualTo(2);
        assertThat(probe.attemptTimes).containsExactly(START,
                START + VirtualTimeFixtures.HEARTBEAT_TIMEOUT.plusSeconds(1).toMillis());
    }

    @Test
    void aParentWaitsForAChildThatSleepsFiveDays() {
        String result = stub(Parent.class, "parent").waitForChild(Duration.ofDays(5));

        assertThat(result).isEqualTo("child woke after PT120H, parent resumed after PT120H");
        assertThat(elapsed()).isEqualTo(Duration.ofDays(5));
    }

    @Test
    void awaitWithoutDeadlineIsSatisfiedByASignalSentAfterTheTestSlept() {
        Gate gate = stub(Gate.class, "gate");
        WorkflowClient.start(gate::awaitOpen);
        env.sleep(Duration.ofDays(3));
        gate.open();

        assertThat(resultOf("gate", String.class)).isEqualTo("opened after PT72H");
        assertThat(elapsed()).isEqualTo(Duration.ofDays(3));
    }

    @Test
    void awaitWithDeadlineTimesOutAfterExactlyTheDeadline() {
        String result = stub(TimedGate.class, "timed-gate").awaitOpen(Duration.ofDays(7));

        assertThat(result).isEqualTo("timed out after PT168H");
        assertThat(elapsed()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void awaitWithDeadlineReturnsWhenASignalSatisfiesItBeforeTheDeadline() {
        TimedGate gate = stub(TimedGate.class, "timed-gate");
        WorkflowClient.start(gate::awaitOpen, Duration.ofDays(7));
        env.sleep(Duration.ofHours(1));
        gate.open();

        assertThat(resultOf("timed-gate", String.class)).isEqualTo("opened after PT1H");
        assertThat(elapsed()).isEqualTo(Duration.ofHours(1));
        assertThat(client.fetchHistory("timed-gate"))
                .hasEventsInOrder(EventType.TimerStarted, EventType.WorkflowExecutionSignaled, EventType.TimerCanceled);
    }

    @Test
    void aSignalSentWhileTheWorkflowSleepsIsSeenAtTheTimeItWasSent() {
        Mailbox mailbox = stub(Mailbox.class, "mailbox");
        WorkflowClient.start(mailbox::sleepThenRead, Duration.ofDays(3));
        env.sleep(Duration.ofDays(1));
        mailbox.post("hello");

        assertThat(resultOf("mailbox", List.class)).containsExactly("hello after PT24H", "woke after PT72H");
        assertThat(elapsed()).isEqualTo(Duration.ofDays(3));
    }

    @Test
    void aDelayedCallbackRegisteredAfterTheStartSignalsTheWorkflowAtExactlyItsVirtualTime() {
        Mailbox mailbox = stub(Mailbox.class, "mailbox");
        WorkflowClient.start(mailbox::sleepThenRead, Duration.ofDays(1));
        env.registerDelayedCallback(Duration.ofHours(5), () -> mailbox.post("from the callback"));

        assertThat(resultOf("mailbox", List.class)).containsExactly("from the callback after PT5H",
                "woke after PT24H");
        assertThat(elapsed()).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void twoHundredWorkflowsSleepingDifferentAmountsEachWakeAtTheirOwnVirtualTime() {
        List<Duration> sleeps = new ArrayList<>();
        List<CompletableFuture<Long>> wokeAt = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            // 7919 is prime to 200, so the sleeps are 1..200 hours in an order unlike the start order
            Duration sleep = Duration.ofHours(i * 7919L % 200 + 1);
            sleeps.add(sleep);
            WorkflowClient.start(stub(Sleeper.class, "sleeper-" + i)::sleep, sleep);
        }
        // waiting for a result lets time skip, so every workflow is started before the first wait
        for (int i = 0; i < 200; i++) {
            wokeAt.add(client.newUntypedWorkflowStub("sleeper-" + i).getResultAsync(Long.class));
        }
        CompletableFuture.allOf(wokeAt.toArray(new CompletableFuture<?>[0])).join();

        for (int i = 0; i < 200; i++) {
            assertThat(wokeAt.get(i).join()).as("sleeper-%d woke at", i).isEqualTo(START + sleeps.get(i).toMillis());
        }
        assertThat(elapsed()).isEqualTo(Duration.ofHours(200));
    }

    @Test
    void waitingOnAllOfManyResultFuturesSkipsTimeLikeOneBlockingCall() {
        List<CompletableFuture<Long>> wokeAt = new ArrayList<>();
        for (int day = 1; day <= 50; day++) {
            WorkflowClient.start(stub(Sleeper.class, "day-" + day)::sleep, Duration.ofDays(day));
        }
        for (int day = 1; day <= 50; day++) {
            wokeAt.add(client.newUntypedWorkflowStub("day-" + day).getResultAsync(Long.class));
        }

        CompletableFuture.allOf(wokeAt.toArray(new CompletableFuture<?>[0])).join();

        assertThat(elapsed()).isEqualTo(Duration.ofDays(50));
        for (int day = 1; day <= 50; day++) {
            assertThat(wokeAt.get(day - 1).join()).isEqualTo(START + Duration.ofDays(day).toMillis());
        }
    }

    @Test
    void retriesAnActivityWithExponentialBackoffInVirtualTime() {
        int attempt = stub(Retrying.class, "retrying").run(2);

        assertThat(attempt).isEqualTo(3);
        assertThat(probe.attemptTimes).containsExactly(START, START + Duration.ofHours(1).toMillis(),
                START + Duration.ofHours(3).toMillis());
        assertThat(elapsed()).isEqualTo(Duration.ofHours(3));
    }

    @Test
    void aFreshEnvironmentStartsAtTheInitialTimeWhateverTheClosedOneLeftRunning() {
        try (TestWorkflowEnvironment previous = newEnvironment()) {
            start(previous);
            Sleeper sleeper = previous.getWorkflowClient().newWorkflowStub(Sleeper.class,
                    WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId("sleepy").build());
            WorkflowClient.start(sleeper::sleep, Duration.ofDays(3650));
            previous.sleep(Duration.ofDays(1));
        }

        try (TestWorkflowEnvironment fresh = newEnvironment()) {
            start(fresh);
            assertThat(fresh.currentTimeMillis()).isEqualTo(START);
            Sleeper sleeper = fresh.getWorkflowClient().newWorkflowStub(Sleeper.class,
                    WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId("sleepy").build());
            assertThat(sleeper.sleep(Duration.ofHours(1))).isEqualTo(START + Duration.ofHours(1).toMillis());
            assertThat(fresh.currentTimeMillis()).isEqualTo(START + Duration.ofHours(1).toMillis());
        }
    }

    @Test
    void closingAnEnvironmentWithRunningExecutionsReturnsWithoutRunningThemOn() {
        TestWorkflowEnvironment running = newEnvironment();
        start(running);
        WorkflowClient runningClient = running.getWorkflowClient();
        WorkflowOptions.Builder options = WorkflowOptions.newBuilder().setTaskQueue(QUEUE);
        Sleeper sleeper = runningClient.newWorkflowStub(Sleeper.class, options.setWorkflowId("decade").build());
        WorkflowClient.start(sleeper::sleep, Duration.ofDays(3650));
        Gate gate = runningClient.newWorkflowStub(Gate.class, options.setWorkflowId("gate").build());
        WorkflowClient.start(gate::awaitOpen);
        running.sleep(Duration.ofHours(1));

        running.close(); // a close that waited for the decade or the gate would hang into the class's @Timeout

        assertThat(running.currentTimeMillis()).isEqualTo(START + Duration.ofHours(1).toMillis());
    }
}
