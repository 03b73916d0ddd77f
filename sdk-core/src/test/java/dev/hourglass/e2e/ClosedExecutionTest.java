package dev.hourglass.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.hourglass.client.WorkflowExecutionClosedException;
import dev.hourglass.client.WorkflowNotFoundException;
import dev.hourglass.client.WorkflowStub;
import dev.hourglass.history.EventType;
import dev.hourglass.history.History;
import dev.hourglass.workflow.SignalMethod;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Signalling, cancelling or terminating a closed execution says that it closed, which run, and how. */
class ClosedExecutionTest {

    @WorkflowInterface
    public interface Door {
        @WorkflowMethod
        String open();

        @SignalMethod
        void knock();
    }

    public static class DoorImpl implements Door {
        private boolean knocked;

        @Override
        public String open() {
            Workflow.await(() -> knocked);
            return "opened";
        }

        @Override
        public void knock() {
            knocked = true;
        }
    }

    @RegisterExtension
    final E2eEnvironment env = E2eEnvironment.newBuilder().registerWorkflowImplementationTypes(DoorImpl.class).build();

    /** A door opened by a knock: its execution completed. */
    private WorkflowStub opened(String workflowId) {
        WorkflowStub door = env.client().newUntypedWorkflowStub("Door", env.options(workflowId).build());
        door.start();
        door.signal("knock");
        door.getResult(String.class);
        return door;
    }

    @Test
    void signallingACompletedExecutionSaysItCompletedAndWhichRun() {
        WorkflowStub door = opened("door-1");
        History closed = env.history("door-1");

        WorkflowExecutionClosedException e = catchThrowableOfType(WorkflowExecutionClosedException.class,
                () -> door.signal("knock"));

        assertThat(e.getMessage()).isEqualTo("cannot signal knock to workflow door-1: its run "
                + closed.getRunId() + " is closed: it completed (event " + closed.getLastEvent().getEventId()
                + ", WorkflowExecutionCompleted, at " + closed.getLastEvent().getEventTime() + "). Signals,"
                + " cancellation and termination reach open executions only; start a new execution of the workflow id,"
                + " or read this one's outcome with getResult");
        assertThat(e.getCloseType()).isEqualTo(EventType.WorkflowExecutionCompleted);
        assertThat(e.getRunId()).isEqualTo(closed.getRunId());
        assertThat(e).isInstanceOf(WorkflowNotFoundException.class);
    }

    @Test
    void cancellingACompletedExecutionSaysItIsClosed() {
        WorkflowStub door = opened("door-2");

        WorkflowExecutionClosedException e = catchThrowableOfType(WorkflowExecutionClosedException.class,
                door::cancel);

        assertThat(e.getMessage()).startsWith("cannot cancel workflow door-2: its run ").contains("it completed");
    }

    @Test
    void terminatingATerminatedExecutionSaysItWasTerminated() {
        WorkflowStub door = env.client().newUntypedWorkflowStub("Door", env.options("door-3").build());
        door.start();
        door.terminate("moved out");

        WorkflowExecutionClosedException e = catchThrowableOfType(WorkflowExecutionClosedException.class,
                () -> door.terminate("again"));

        assertThat(e.getMessage()).startsWith("cannot terminate workflow door-3: its run ")
                .contains("it was terminated (event 2, WorkflowExecutionTerminated, at ");
        assertThat(e.getCloseType()).isEqualTo(EventType.WorkflowExecutionTerminated);
    }
}
