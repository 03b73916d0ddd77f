package dev.hourglass.e2e;

import static dev.hourglass.history.EventType.MarkerRecorded;
import static dev.hourglass.history.EventType.TimerFired;
import static dev.hourglass.history.EventType.TimerStarted;
import static dev.hourglass.history.EventType.WorkflowExecutionCompleted;
import static dev.hourglass.history.EventType.WorkflowExecutionStarted;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.history.History;
import dev.hourglass.history.MarkerRecordedAttributes;
import dev.hourglass.internal.history.JsonPayload;
import dev.hourglass.internal.replay.Replayer;
import dev.hourglass.worker.WorkerFactoryOptions;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs with no execution cache, so that every workflow task after the first replays the history. */
class SideEffectAndVersionTest {

    static final AtomicInteger SUPPLIER_CALLS = new AtomicInteger();

    @WorkflowInterface
    public interface Ticketing {
        @WorkflowMethod
        String issueTicket(String event);
    }

    public static class TicketingImpl implements Ticketing {
        @Override
        public String issueTicket(String event) {
            String ticket = Workflow.sideEffect(String.class,
                    () -> event + "-" + SUPPLIER_CALLS.incrementAndGet() + "-" + System.nanoTime());
            Workflow.sleep(Duration.ofMillis(10));
            return ticket;
        }
    }

    @WorkflowInterface
    public interface Screening {
        @WorkflowMethod
        List<Integer> screen(String applicant);
    }

    public static class ScreeningImpl implements Screening {
        @Override
        public List<Integer> screen(String applicant) {
            int first = Workflow.getVersion("add-fraud-check", Workflow.DEFAULT_VERSION, 2);
            Workflow.sleep(Duration.ofMillis(10));
            int second = Workflow.getVersion("add-fraud-check", Workflow.DEFAULT_VERSION, 2);
            return List.of(first, second);
        }
    }

    @WorkflowInterface
    public interface Pricing {
        @WorkflowMethod
        String quote(String item);
    }

    /** The code as it was before the discount change. */
    public static class PricingBeforeChangeImpl implements Pricing {
        @Override
        public String quote(String item) {
            Workflow.sleep(Duration.ofMillis(10));
            return "base price for " + item;
        }
    }

    /** The code after the discount change, guarded by a version. */
    public static class PricingAfterChangeImpl implements Pricing {
        @Override
        public String quote(String item) {
            int version = Workflow.getVersion("discount", Workflow.DEFAULT_VERSION, 1);
            Workflow.sleep(Duration.ofMillis(10));
            if (version == Workflow.DEFAULT_VERSION) {
                return "base price for " + item;
            }
            Workflow.sleep(Duration.ofMillis(10));
            return "discounted price for " + item;
        }
    }

    @WorkflowInterface
    public interface Lottery {
        @WorkflowMethod
        List<String> draw(int count);
    }

    public static class LotteryImpl implements Lottery {
        @Override
        public List<String> draw(int count) {
            List<String> drawn = new ArrayList<>();
            Random random = Workflow.newRandom();
            for (int i = 0; i < count; i++) {
                drawn.add(String.valueOf(random.nextInt(1_000_000)));
                Workflow.sleep(Duration.ofMillis(5));
            }
            drawn.add(Workflow.randomUUID().toString());
            return drawn;
        }
    }

    @WorkflowInterface
    public interface Stopwatch {
        @WorkflowMethod
        List<Long> times();
    }

    public static class StopwatchImpl implements Stopwatch {
        @Override
        public List<Long> times() {
            long atStart = Workflow.currentTimeMillis();
            Workflow.sleep(Duration.ofMillis(20));
            long afterSleep = Workflow.currentTimeMillis();
            return List.of(atStart, afterSleep);
        }
    }

    @RegisterExtension
    final E2eEnvironment env = E2eEnvironment.newBuilder()
            .registerWorkflowImplementationTypes(TicketingImpl.class, ScreeningImpl.class,
                    PricingBeforeChangeImpl.class, LotteryImpl.class, StopwatchImpl.class)
            .setWorkerFactoryOptions(WorkerFactoryOptions.newBuilder().setWorkflowCacheSize(0).build())
            .build();

    @BeforeEach
    void resetSupplierCalls() {
        SUPPLIER_CALLS.set(0);
    }

    @Test
    void sideEffectValueIsRecordedInASideEffectMarkerAndReturned() {
        String ticket = env.newWorkflowStub(Ticketing.class, "ticket-1").issueTicket("concert");

        assertThat(ticket).startsWith("concert-1-");
        History history = env.history("ticket-1");
        assertThat(Events.types(history)).containsExactly(WorkflowExecutionStarted, MarkerRecorded, TimerStarted,
                TimerFired, WorkflowExecutionCompleted);
        MarkerRecordedAttributes marker = Events.single(history, MarkerRecordedAttributes.class);
        assertThat(marker.markerName()).isEqualTo("SideEffect");
        assertThat(marker.markerId()).isEqualTo("1");
        assertThat(marker.details().decode(String.class)).isEqualTo(ticket);
    }

    @Test
    void sideEffectSupplierRunsOnceThoughTheWorkflowReplays() {
        env.newWorkflowStub(Ticketing.class, "ticket-2").issueTicket("match");

        assertThat(SUPPLIER_CALLS).hasValue(1);
        Replayer.replay(env.history("ticket-2"), true, TicketingImpl.class);
        assertThat(SUPPLIER_CALLS).hasValue(1);
    }

    @Test
    void getVersionOfANewExecutionRecordsTheMaximumVersionOnce() {
        List<Integer> versions = env.newWorkflowStub(Screening.class, "screen-1").screen("zoe");

        assertThat(versions).containsExactly(2, 2);
        MarkerRecordedAttributes marker = Events.single(env.history("screen-1"), MarkerRecordedAttributes.class);
        assertThat(marker.markerName()).isEqualTo("Version");
        assertThat(marker.markerId()).isEqualTo("add-fraud-check");
        assertThat(JsonPayload.node(marker.details()).get("version").asInt()).isEqualTo(2);
    }

    @Test
    void historyRecordedBeforeAVersionedChangeReplaysOnTheDefaultVersionBranch() {
        String quote = env.newWorkflowStub(Pricing.class, "price-1").quote("tea");
        History before = env.history("price-1");

        assertThat(quote).isEqualTo("base price for tea");
        assertThat(Events.ofType(before, MarkerRecorded)).isEmpty();
        assertThat(Replayer.replay(before, true, PricingAfterChangeImpl.class)).isEmpty();
    }

    @Test
    void randomNumbersAndUuidOfAWorkflowAreTheSameOnReplay() {
        List<String> drawn = env.newWorkflowStub(Lottery.class, "lottery-1").draw(3);

        assertThat(drawn).hasSize(4);
        assertThat(Replayer.replay(env.history("lottery-1"), true, LotteryImpl.class)).isEmpty();
    }

    @Test
    void randomNumbersDifferBetweenExecutions() {
        List<String> first = env.newWorkflowStub(Lottery.class, "lottery-2").draw(2);
        List<String> second = env.newWorkflowStub(Lottery.class, "lottery-3").draw(2);

        assertThat(first.get(2)).isNotEqualTo(second.get(2));
        assertThat(first.subList(0, 2)).isNotEqualTo(second.subList(0, 2));
    }

    @Test
    void currentTimeMillisIsTheTimeOfTheEventBeingProcessed() {
        List<Long> times = env.newWorkflowStub(Stopwatch.class, "stopwatch-1").times();

        History history = env.history("stopwatch-1");
        assertThat(times.get(0)).isEqualTo(history.getEvents().get(0).getEventTime().toEpochMilli());
        assertThat(times.get(1)).isEqualTo(Events.single(history, TimerFired).getEventTime().toEpochMilli());
        assertThat(times.get(1) - times.get(0)).isGreaterThanOrEqualTo(20);
    }
}
