package dev.hourglass.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.LocalActivityOptions;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.common.WorkflowExecution;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.history.Payload;
import dev.hourglass.history.WorkflowExecutionContinuedAsNewAttributes;
import dev.hourglass.internal.spi.UpdateCall;
import dev.hourglass.internal.spi.UpdateRequest;
import dev.hourglass.internal.spi.WorkflowServiceSpi;
import dev.hourglass.worker.Worker;
import dev.hourglass.workflow.SignalMethod;
import dev.hourglass.workflow.UpdateMethod;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An update sent while a run continues as new is answered by the new run in virtual time, and an update the service
 * names is named the same way seed after seed.
 */
@Timeout(60)
class UpdateAcrossContinueAsNewInVirtualTimeTest {

    private static final Instant MORNING = Instant.parse("2025-03-03T09:00:00Z");

    /** The gate the first run passes right before it continues as new; the test holds it shut to send meanwhile. */
    @ActivityInterface
    public interface Gate {
        void pass();
    }

    /** Shut until {@link #open}; says when a caller waits. */
    static final class GateImpl implements Gate {
        final CountDownLatch reached = new CountDownLatch(1);
        final CountDownLatch open = new CountDownLatch(1);

        @Override
        public void pass() {
            reached.countDown();
            try {
                open.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @WorkflowInterface
    public interface Shift {
        @WorkflowMethod
        String work(int shift);

        /** Logs a note after an hour's check; answers with the shift that took it and the virtual time. */
        @UpdateMethod
        String note(String text);

        @SignalMethod
        void handOver();
    }

    public static class ShiftImpl implements Shift {
        private final Gate gate = Workflow.newLocalActivityStub(Gate.class, LocalActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofMinutes(5)).build());
        private int shift;
        private boolean handingOver;
        private String last = "none";

        @Override
        public String work(int shift) {
            this.shift = shift;
            if (shift == 1) {
                Workflow.await(() -> handingOver);
                gate.pass();
                Workflow.continueAsNew(shift + 1);
            }
            Workflow.await(() -> !last.equals("none"));
            return last;
        }

        @Override
        public String note(String text) {
            Workflow.sleep(Duration.ofHours(1));
            last = text;
            return text + " noted by shift " + shift + " at " + Instant.ofEpochMilli(Workflow.currentTimeMillis());
        }

        @Override
        public void handOver() {
            handingOver = true;
        }
    }

    /** The outcome of a {@code note} sent while shift 1 continues as new, and the second run's history. */
    private record Outcome(String answer, WorkflowExecution answeredBy, String secondRunJson) {
    }

    private static Outcome noteDuringHandOver(TestEnvironmentOptions options, String updateId) throws Exception {
        GateImpl gate = new GateImpl();
        try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(options)) {
            Worker worker = env.newWorker("shifts");
            worker.registerWorkflowImplementationTypes(ShiftImpl.class);
            worker.registerActivitiesImplementations(gate);
            env.start();
            WorkflowClient client = env.getWorkflowClient();
            Shift shift = client.newWorkflowStub(Shift.class, WorkflowOptions.newBuilder().setWorkflowId("shift-1")
                    .setTaskQueue("shifts").build());
            WorkflowExecution first = WorkflowClient.start(shift::work, 1);

            shift.handOver();
            assertThat(gate.reached.await(30, TimeUnit.SECONDS)).as("shift 1 reached the gate").isTrue();
            // the workflow task that continues as new runs: the update is recorded for the old run meanwhile
            UpdateCall call = WorkflowServiceSpi.of(env.getWorkflowService()).updateWorkflow("shift-1", null,
                    new UpdateRequest(updateId, "note", Payload.ofArguments("boiler checked"), "test"));
            gate.open.countDown();

            String answer = call.completed().get(30, TimeUnit.SECONDS).result().toJson();
            History firstRun = client.fetchHistory("shift-1", first.getRunId());
            String next = firstRun.getEvents().get(firstRun.getEvents().size() - 1)
                    .getAttributes(WorkflowExecutionContinuedAsNewAttributes.class).newRunId();
            assertThat(client.newUntypedWorkflowStub("shift-1").getResult(String.class)).isEqualTo("boiler checked");
            assertThat(call.execution().getRunId()).isEqualTo(next);
            return new Outcome(answer, call.execution(), client.fetchHistory("shift-1", next).toJson());
        }
    }

    @Test
    void anUpdateSentWhileTheRunContinuesAsNewIsAnsweredByTheNewRunInVirtualTime() throws Exception {
        Outcome outcome = noteDuringHandOver(TestEnvironmentOptions.newBuilder().setInitialTime(MORNING).build(),
                "note-1");

        assertThat(outcome.answer()).isEqualTo("\"boiler checked noted by shift 2 at 2025-03-03T10:00:00Z\"");
    }

    @Test
    void withTheSameSeedACarriedOverUpdateWithoutAnIdRecordsTheSameHistoryBytes() throws Exception {
        TestEnvironmentOptions seeded = TestEnvironmentOptions.newBuilder().setSeed(7).setInitialTime(MORNING)
                .build();

        Outcome first = noteDuringHandOver(seeded, null);
        Outcome second = noteDuringHandOver(seeded, null);

        assertThat(first.secondRunJson()).contains("WorkflowExecutionUpdateAccepted")
                .isEqualTo(second.secondRunJson());
        assertThat(first.answeredBy()).isEqualTo(second.answeredBy());
    }
}
