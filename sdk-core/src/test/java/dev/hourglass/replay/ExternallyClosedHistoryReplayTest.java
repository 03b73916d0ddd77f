package dev.hourglass.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.failure.NonDeterministicException;
import dev.hourglass.history.History;
import dev.hourglass.internal.replay.Replayer;
import org.junit.jupiter.api.Test;

/**
 * A history closed from outside (terminated, timed out) may end before the task that would have recorded the
 * code's next commands: replaying it must not call those commands extra. A history the code closed itself
 * holds all of its commands, so one more is still nondeterminism.
 */
class ExternallyClosedHistoryReplayTest {

    private static History startedThen(String closingEvent, String attributes) {
        return History.fromJson("""
                {"format": "hourglass-history", "version": 1, "workflowId": "t-1", "runId": "run-1",
                 "workflowType": "Transfer", "taskQueue": "transfers", "events": [
                  {"eventId": 1, "eventTime": "2025-01-01T00:00:00Z", "eventType": "WorkflowExecutionStarted",
                   "attributes": {"workflowType": "Transfer", "taskQueue": "transfers",
                                  "input": ["carol", "dave", 250]}},
                  {"eventId": 2, "eventTime": "2025-01-01T00:00:01Z", "eventType": "%s", "attributes": %s}
                 ]}
                """.formatted(closingEvent, attributes));
    }

    @Test
    void aHistoryTerminatedBeforeItsFirstTaskCompletedReplays() {
        History terminated = startedThen("WorkflowExecutionTerminated", "{\"reason\": \"id needed elsewhere\"}");

        assertThat(Replayer.replay(terminated, true, Transfers.Original.class)).isEmpty();
    }

    @Test
    void aHistoryThatTimedOutBeforeItsFirstTaskCompletedReplays() {
        History timedOut = startedThen("WorkflowExecutionTimedOut", "{}");

        assertThat(Replayer.replay(timedOut, true, Transfers.Original.class)).isEmpty();
    }

    @Test
    void aHistoryTheCodeCompletedWithoutTheCommandsItProducesIsNondeterministic() {
        History completedAtOnce = startedThen("WorkflowExecutionCompleted", "{\"result\": \"done\"}");

        assertThatThrownBy(() -> Replayer.replay(completedAtOnce, true, Transfers.Original.class))
                .isInstanceOf(NonDeterministicException.class)
                .hasMessageContaining("at event 2")
                .hasMessageContaining("history recorded: WorkflowExecutionCompleted");
    }
}
