package dev.hourglass.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.history.History;
import dev.hourglass.internal.replay.Replayer;
import dev.hourglass.workflow.SignalMethod;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A run that closes while a signal handler still runs says so once, when it closes, and not on replay. */
class UnfinishedSignalHandlerTest {

    @WorkflowInterface
    public interface Doorbell {
        @WorkflowMethod
        String answer();

        @SignalMethod
        void ring();

        @SignalMethod
        void knock();
    }

    /** Answers at the first ring; the ring's handler then waits for a knock that never comes. */
    public static class DoorbellImpl implements Doorbell {
        private boolean rung;
        private boolean knocked;

        @Override
        public String answer() {
            Workflow.await(() -> rung);
            return "answered";
        }

        @Override
        public void ring() {
            rung = true;
            Workflow.await(() -> knocked);
        }

        @Override
        public void knock() {
            knocked = true;
        }
    }

    @RegisterExtension
    final E2eEnvironment env = E2eEnvironment.newBuilder()
            .registerWorkflowImplementationTypes(DoorbellImpl.class)
            .build();

    @Test
    void aRunThatClosesWhileASignalHandlerRunsNamesTheSignalOnce() {
        Doorbell doorbell = env.newWorkflowStub(Doorbell.class, "door-1");
        WorkflowClient.start(doorbell::answer);

        String output = SystemErr.capture(() -> {
            doorbell.ring();
            assertThat(env.client().newUntypedWorkflowStub("door-1").getResult(String.class)).isEqualTo("answered");
        });

        assertThat(output).containsOnlyOnce("closed while handlers were still running (signals [ring], updates [])");
    }

    @Test
    void itsReplaySaysNothing() {
        Doorbell doorbell = env.newWorkflowStub(Doorbell.class, "door-2");
        WorkflowClient.start(doorbell::answer);
        doorbell.ring();
        env.client().newUntypedWorkflowStub("door-2").getResult(String.class);
        History history = env.history("door-2");

        String replayed = SystemErr.capture(() -> Replayer.replay(history, false, DoorbellImpl.class));

        assertThat(replayed).doesNotContain("were still running");
    }
}
