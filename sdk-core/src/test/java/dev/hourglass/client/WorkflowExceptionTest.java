package dev.hourglass.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.hourglass.common.WorkflowExecution;
import dev.hourglass.history.EventType;
import org.junit.jupiter.api.Test;

class WorkflowExceptionTest {

    private static final WorkflowExecution EXECUTION = new WorkflowExecution("transfer-42", "run-1");

    private static WorkflowException caught(RuntimeException thrown) {
        Throwable caught = catchThrowable(() -> {
            try {
                throw thrown;
            } catch (WorkflowException e) {
                throw new IllegalStateException("caught as WorkflowException", e);
            }
        });
        assertThat(caught).hasMessage("caught as WorkflowException");
        return (WorkflowException) caught.getCause();
    }

    @Test
    void aFailedWorkflowIsCaughtAsAWorkflowExceptionWithItsExecutionAndType() {
        WorkflowException e = caught(new WorkflowFailedException(EXECUTION, "MoneyTransfer", null));

        assertThat(e.getExecution()).isEqualTo(EXECUTION);
        assertThat(e.getWorkflowType()).isEqualTo("MoneyTransfer");
        assertThat(e).hasMessage("Workflow execution failed: workflowType='MoneyTransfer', workflowId='transfer-42',"
                + " runId='run-1'");
    }

    @Test
    void anIdAlreadyTakenIsCaughtAsAWorkflowExceptionNamingTheExistingExecution() {
        WorkflowException e = caught(new WorkflowExecutionAlreadyStartedException(EXECUTION, "MoneyTransfer",
                "id taken"));

        assertThat(e.getExecution()).isEqualTo(EXECUTION);
        assertThat(e.getWorkflowType()).isEqualTo("MoneyTransfer");
        assertThat(e).hasMessage("id taken");
    }

    @Test
    void aMissingExecutionIsCaughtAsAWorkflowExceptionWithTheIdsLookedFor() {
        WorkflowException e = caught(new WorkflowNotFoundException("transfer-42", null));

        assertThat(e.getExecution()).isEqualTo(new WorkflowExecution("transfer-42", null));
        assertThat(e.getWorkflowType()).isNull();
        assertThat(e).hasMessage("Workflow execution not found: workflowId='transfer-42'");
    }

    @Test
    void aClosedExecutionIsCaughtAsAWorkflowExceptionAndStillAsNotFound() {
        WorkflowExecutionClosedException closed = new WorkflowExecutionClosedException("closed", "transfer-42",
                "run-1", EventType.WorkflowExecutionCompleted);

        WorkflowException e = caught(closed);

        assertThat(e).isInstanceOf(WorkflowNotFoundException.class);
        assertThat(e.getExecution()).isEqualTo(EXECUTION);
    }

    @Test
    void anUnansweredQueryIsCaughtAsAWorkflowExceptionWithTheExecutionQueried() {
        WorkflowException e = caught(new WorkflowQueryException(EXECUTION, "status", "no handler", null));

        assertThat(e.getExecution()).isEqualTo(EXECUTION);
        assertThat(((WorkflowQueryException) e).getQueryType()).isEqualTo("status");
    }

    @Test
    void workflowExceptionsAreUnchecked() {
        assertThat(RuntimeException.class).isAssignableFrom(WorkflowException.class);
    }
}
