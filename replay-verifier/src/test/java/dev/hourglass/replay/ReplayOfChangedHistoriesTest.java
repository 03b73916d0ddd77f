package dev.hourglass.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hourglass.common.DataConverterException;
import dev.hourglass.failure.NonDeterministicException;
import dev.hourglass.history.History;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Replay of a history that the reader accepts but that the code cannot run over fails with a documented
 * exception whose message names the event.
 */
class ReplayOfChangedHistoriesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode recorded;

    @BeforeAll
    static void record() throws Exception {
        recorded = (ObjectNode) JSON.readTree(Errands.record());
    }

    @Test
    void anActivityResultOfAnotherTypeThanTheCodeDeclaresFailsNamingTheEventAndBothTypes() throws Exception {
        ObjectNode root = recorded.deepCopy();
        ObjectNode completed = first(root, "ActivityTaskCompleted");
        ((ObjectNode) completed.get("attributes")).putObject("result").put("code", 7);
        History history = History.fromJson(JSON.writeValueAsString(root));

        DataConverterException e = catchThrowableOfType(DataConverterException.class,
                () -> WorkflowReplayer.replayWorkflowExecution(history, Errands.ErrandImpl.class));

        assertThat(e.getMessage()).startsWith("workflow Errand (workflowId=errand-1, runId=" + history.getRunId()
                + ") at event " + completed.get("eventId") + " (ActivityTaskCompleted): cannot convert the result of"
                + " activity step, {\"code\":7} (an object), to java.lang.String: ");
    }

    @Test
    void anActivityThatCompletesBeforeItStartedFailsReplayNamingTheEvent() throws Exception {
        ObjectNode root = recorded.deepCopy();
        ArrayNode events = (ArrayNode) root.get("events");
        int completed = indexOf(root, "ActivityTaskCompleted");
        int started = indexOf(root, "ActivityTaskStarted");
        ObjectNode completion = (ObjectNode) events.get(completed);
        events.set(completed, events.get(started));
        events.set(started, completion);
        for (int i = 0; i < events.size(); i++) {
            ((ObjectNode) events.get(i)).put("eventId", i + 1);
        }
        History history = History.fromJson(JSON.writeValueAsString(root));

        NonDeterministicException e = catchThrowableOfType(NonDeterministicException.class,
                () -> WorkflowReplayer.replayWorkflowExecution(history, Errands.ErrandImpl.class));

        assertThat(e.getEventId()).isEqualTo(started + 1);
        assertThat(e.getMessage()).startsWith("The history of workflow Errand (workflowId=errand-1, runId="
                + history.getRunId() + ") cannot be replayed at event " + (started + 1) + ": ActivityTaskCompleted")
                .contains("comes while the activity it is about is SCHEDULED, which has no transition on COMPLETED")
                .contains("Hourglass never records events in this order");
    }

    private static ObjectNode first(ObjectNode root, String eventType) {
        return (ObjectNode) root.get("events").get(indexOf(root, eventType));
    }

    private static int indexOf(ObjectNode root, String eventType) {
        ArrayNode events = (ArrayNode) root.get("events");
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).get("eventType").asText().equals(eventType)) {
                return i;
            }
        }
        throw new AssertionError("the recorded history has no " + eventType);
    }
}
