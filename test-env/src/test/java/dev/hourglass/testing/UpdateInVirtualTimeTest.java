package dev.hourglass.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.client.WorkflowStub;
import dev.hourglass.client.WorkflowUpdateHandle;
import dev.hourglass.client.UpdateOptions;
import dev.hourglass.client.WorkflowUpdateStage;
import dev.hourglass.history.HistoryTimeline;
import dev.hourglass.workflow.SignalMethod;
import dev.hourglass.workflow.UpdateMethod;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Updates in the test environment: a handler that sleeps does so in virtual time; timelines show updates. */
@Timeout(60)
class UpdateInVirtualTimeTest {

    private static final Instant MORNING = Instant.parse("2025-03-03T09:00:00Z");

    @WorkflowInterface
    public interface Reservation {
        @WorkflowMethod
        String run();

        @UpdateMethod
        String hold(String seat);

        @SignalMethod
        void release();
    }

    /** Holds a seat after a cooling-off hour, then waits to be released. */
    public static class ReservationImpl implements Reservation {
        private String held = "none";
        private boolean released;

        @Override
        public String run() {
            Workflow.await(() -> released);
            return held;
        }

        @Override
        public String hold(String seat) {
            Workflow.sleep(Duration.ofHours(1));
            held = seat;
            return seat + " held at " + Instant.ofEpochMilli(Workflow.currentTimeMillis());
        }

        @Override
        public void release() {
            released = true;
        }
    }

    private TestWorkflowEnvironment env;
    private WorkflowClient client;

    @BeforeEach
    void start() {
        env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder().setInitialTime(MORNING).build());
        env.newWorker("seats").registerWorkflowImplementationTypes(ReservationImpl.class);
        env.start();
        client = env.getWorkflowClient();
    }

    @AfterEach
    void close() {
        env.close();
    }

    private Reservation started(String workflowId) {
        Reservation reservation = client.newWorkflowStub(Reservation.class, WorkflowOptions.newBuilder()
                .setWorkflowId(workflowId).setTaskQueue("seats").build());
        WorkflowClient.start(reservation::run);
        return reservation;
    }

    @Test
    void aHandlerThatSleepsAnHourAnswersAtOnceInVirtualTime() {
        Reservation reservation = started("reservation-1");

        long before = System.nanoTime();
        String answer = reservation.hold("12A");
        Duration took = Duration.ofNanos(System.nanoTime() - before);

        assertThat(answer).isEqualTo("12A held at 2025-03-03T10:00:00Z");
        assertThat(took).isLessThan(Duration.ofSeconds(30));
        reservation.release();
        assertThat(WorkflowStub.fromTyped(reservation).getResult(String.class)).isEqualTo("12A");
    }

    @Test
    void aHandleReturnedOnAcceptanceGivesTheHandlersResult() {
        Reservation reservation = started("reservation-2");
        WorkflowStub stub = WorkflowStub.fromTyped(reservation);

        WorkflowUpdateHandle<String> handle = stub.startUpdate("hold", UpdateOptions.newBuilder()
                .setWaitForStage(WorkflowUpdateStage.ACCEPTED).build(), String.class, "14C");

        assertThat(handle.getResult()).isEqualTo("14C held at 2025-03-03T10:00:00Z");
        reservation.release();
        stub.getResult(String.class);
    }

    @Test
    void theTimelineShowsTheAcceptedAndCompletedUpdate() {
        Reservation reservation = started("reservation-3");
        reservation.hold("1F");
        reservation.release();
        WorkflowStub.fromTyped(reservation).getResult(String.class);

        String timeline = HistoryTimeline.format(client.fetchHistory("reservation-3"));

        assertThat(timeline).containsPattern("WorkflowExecutionUpdateAccepted +updateId=\\S+ updateName=hold"
                + " input=\\[\"1F\"]");
        assertThat(timeline).contains("WorkflowExecutionUpdateCompleted")
                .contains("result=\"1F held at 2025-03-03T10:00:00Z\"");
    }

    @Test
    void withTheSameSeedAnUpdateSentWithoutAnIdRecordsTheSameHistoryBytes() {
        assertThat(recordedWithSeed(42)).isEqualTo(recordedWithSeed(42));
    }

    private static String recordedWithSeed(long seed) {
        try (TestWorkflowEnvironment seeded = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
                .setSeed(seed).setInitialTime(MORNING).build())) {
            seeded.newWorker("seats").registerWorkflowImplementationTypes(ReservationImpl.class);
            seeded.start();
            Reservation reservation = seeded.getWorkflowClient().newWorkflowStub(Reservation.class,
                    WorkflowOptions.newBuilder().setWorkflowId("reservation-5").setTaskQueue("seats").build());
            WorkflowClient.start(reservation::run);
            reservation.hold("3C");
            reservation.release();
            WorkflowStub.fromTyped(reservation).getResult(String.class);
            return seeded.getWorkflowClient().fetchHistory("reservation-5").toJson();
        }
    }
}
