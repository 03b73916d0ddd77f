package dev.hourglass.internal.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.client.WorkflowExecutionClosedException;
import dev.hourglass.history.EventType;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What the sender of an update that did not complete before its run closed is told, the same on every service. */
class ClosedRunsTest {

    private static final Instant CLOSED_AT = Instant.parse("2025-03-03T09:00:00Z");

    private static WorkflowExecutionClosedException unfinished(boolean accepted, boolean pinned, EventType closeType) {
        return ClosedRuns.updateUnfinished("hold", "hold-1", accepted, pinned, "desk-1", "run-1", closeType, 9,
                CLOSED_AT);
    }

    @Test
    void anAcceptedUpdateCutShortByTheWorkflowsOwnCloseSaysToWaitForHandlers() {
        WorkflowExecutionClosedException closed = unfinished(true, false, EventType.WorkflowExecutionCompleted);

        assertThat(closed.getMessage()).startsWith("update 'hold' (id hold-1) of workflow desk-1 was accepted by run"
                + " run-1, whose handler had not finished when the run closed: it completed (event 9,")
                .endsWith("Workflow.await(Workflow::isEveryHandlerFinished)");
        assertThat(closed.getCloseType()).isEqualTo(EventType.WorkflowExecutionCompleted);
    }

    @Test
    void anAcceptedUpdateCutShortByATerminationSaysTheRunWasEndedFromOutside() {
        WorkflowExecutionClosedException closed = unfinished(true, false, EventType.WorkflowExecutionTerminated);

        assertThat(closed.getMessage()).contains("it was terminated")
                .contains("ended from outside its code").doesNotContain("isEveryHandlerFinished");
    }

    @Test
    void anUpdateSentToARunByItsIdThatContinuedAsNewSaysItStayedWithThatRun() {
        WorkflowExecutionClosedException closed = unfinished(false, true, EventType.WorkflowExecutionContinuedAsNew);

        assertThat(closed.getMessage()).contains("it was sent to run run-1 by its run id, and that run closed before"
                + " accepting it: it continued as new").contains("(no run id)");
    }

    @Test
    void anUpdateNotAcceptedBeforeAnyOtherCloseGetsTheClosedRunMessage() {
        WorkflowExecutionClosedException closed = unfinished(false, false, EventType.WorkflowExecutionFailed);

        assertThat(closed.getMessage()).startsWith("cannot complete update 'hold' (id hold-1) of workflow desk-1: its"
                + " run run-1 is closed: it failed (event 9");
    }
}
