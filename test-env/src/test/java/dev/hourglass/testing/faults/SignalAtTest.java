package dev.hourglass.testing.faults;

import static dev.hourglass.testing.HourglassAssertions.assertThat;
import static dev.hourglass.testing.faults.Payments.HOLD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.history.EventType;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.testing.TestEnvironmentOptions;
import dev.hourglass.testing.TestWorkflowEnvironment;
import dev.hourglass.testing.faults.Payments.FakeBank;
import dev.hourglass.testing.faults.Payments.Run;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A signal of a plan reaches a running workflow at its virtual time, and nothing else happens otherwise. */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SignalAtTest {

    private static final long SEED = 5;
    private static final Instant START = TestEnvironmentOptions.DEFAULT_INITIAL_TIME;

    @Test
    void theSignalIsDeliveredWhenTheVirtualClockReachesItsTime() {
        Run run = Payments.run(SEED, FaultPlan.newBuilder()
                .signalAt("noted", Duration.ofMinutes(30), "note", "call bob").build(), "noted");

        assertThat(run.history()).hasSignal("note");
        assertThat(run.timeOf(EventType.WorkflowExecutionSignaled)).isEqualTo(START.plus(Duration.ofMinutes(30)));
        assertThat(run.result()).endsWith("notes [call bob]");
    }

    @Test
    void aSignalDueBeforeTheWorkflowStartsIsDroppedWithoutFailingTheEnvironment() {
        Run run = Payments.run(SEED, FaultPlan.newBuilder()
                .signalAt("started-late", Duration.ofMinutes(30), "note", "too early").build(), "started-late",
                env -> env.sleep(HOLD));

        assertThat(run.result()).doesNotContain("notes");
        assertThat(run.history().getEvents()).extracting(HistoryEvent::getEventType)
                .doesNotContain(EventType.WorkflowExecutionSignaled);
    }

    @Test
    void aSignalDueAfterTheWorkflowClosedIsDroppedWithoutFailingTheEnvironment() {
        TestWorkflowEnvironment env = Payments.environment(SEED, FaultPlan.newBuilder()
                .signalAt("closed-early", HOLD.multipliedBy(2), "note", "too late").build(), new FakeBank());
        try {
            Payments.pay(env, "closed-early");
            String closed = env.getWorkflowClient().fetchHistory("closed-early").toJson();

            env.sleep(HOLD.multipliedBy(3));

            assertThat(env.getWorkflowClient().fetchHistory("closed-early").toJson()).isEqualTo(closed);
        } finally {
            env.close();
        }
    }

    @Test
    void aSignalDueAtTheInstantATimerFiresComesBeforeOrAfterItAsTheSeedDecides() {
        FaultPlan plan = FaultPlan.newBuilder().signalAt("tied", HOLD, "note", "at the hour").build();

        Set<List<EventType>> orders = new HashSet<>();
        LongStream.rangeClosed(1, 20).forEach(seed -> orders.add(Payments.run(seed, plan, "tied").history()
                .getEvents().stream().map(HistoryEvent::getEventType)
                .filter(type -> type == EventType.TimerFired || type == EventType.WorkflowExecutionSignaled)
                .collect(Collectors.toList())));

        assertThat(orders).containsExactlyInAnyOrder(
                List.of(EventType.TimerFired, EventType.WorkflowExecutionSignaled),
                List.of(EventType.WorkflowExecutionSignaled, EventType.TimerFired));
    }
}
