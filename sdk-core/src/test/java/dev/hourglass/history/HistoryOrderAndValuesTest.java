package dev.hourglass.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

/**
 * The reader rejects, naming the event, what replay could not run: a second start, an event after the run
 * closed, a time outside the range of epoch milliseconds, a version marker without its version.
 */
class HistoryOrderAndValuesTest {

    private static final String HEAD = "{\"format\": \"hourglass-history\", \"version\": 1, \"workflowId\": \"w\","
            + " \"runId\": \"r\", \"workflowType\": \"T\", \"taskQueue\": \"q\", \"events\": [";
    private static final String STARTED = event(1, "2025-01-01T00:00:00Z", "WorkflowExecutionStarted",
            "{\"workflowType\": \"T\", \"taskQueue\": \"q\", \"input\": []}");

    @Test
    void rejectsASecondWorkflowExecutionStarted() {
        HistoryFormatException e = rejection(STARTED + ", " + event(2, "2025-01-01T00:00:01Z",
                "WorkflowExecutionStarted", "{\"workflowType\": \"T\", \"taskQueue\": \"q\", \"input\": []}"));

        assertThat(e.getMessage()).isEqualTo("history <string>: event 2 (events[1], WorkflowExecutionStarted):"
                + " a second WorkflowExecutionStarted; a run starts once, with its first event");
        assertThat(e.getEventId()).hasValue(2);
    }

    @Test
    void rejectsAnEventAfterTheClosingEvent() {
        HistoryFormatException e = rejection(STARTED + ", "
                + event(2, "2025-01-01T00:00:01Z", "WorkflowExecutionCompleted", "{\"result\": 1}") + ", "
                + event(3, "2025-01-01T00:00:02Z", "TimerStarted", "{\"timerId\": \"1\", \"durationMillis\": 5}"));

        assertThat(e.getMessage()).isEqualTo("history <string>: event 3 (events[2], TimerStarted): an event after"
                + " event 2, WorkflowExecutionCompleted, which closed the run; a closing event is the last event of"
                + " a history");
        assertThat(e.getEventId()).hasValue(3);
    }

    @Test
    void rejectsAnEventTimeOutsideTheRangeOfEpochMilliseconds() {
        HistoryFormatException e = rejection(STARTED + ", "
                + event(2, "+1000000000-12-31T23:59:59Z", "TimerStarted", "{\"timerId\": \"1\", \"durationMillis\": 5}"));

        assertThat(e.getMessage()).isEqualTo("history <string>: event 2 (events[1], TimerStarted): field 'eventTime'"
                + " is \"+1000000000-12-31T23:59:59Z\", beyond the times that whole milliseconds since 1970 can count;"
                + " expected a time from -292275055-05-16T16:47:04.192Z to +292278994-08-17T07:12:55.807Z");
    }

    @Test
    void rejectsAVersionMarkerWithoutDetails() {
        HistoryFormatException e = rejection(STARTED + ", " + event(2, "2025-01-01T00:00:01Z", "MarkerRecorded",
                "{\"markerName\": \"Version\", \"markerId\": \"fraud-check\"}"));

        assertThat(e.getMessage()).isEqualTo("history <string>: event 2 (events[1], MarkerRecorded): attribute"
                + " 'details' of a Version marker is missing; expected {\"version\": <an integer>}, the version"
                + " Workflow.getVersion chose");
    }

    @Test
    void rejectsAVersionMarkerWhoseVersionIsNotAnInteger() {
        HistoryFormatException e = rejection(STARTED + ", " + event(2, "2025-01-01T00:00:01Z", "MarkerRecorded",
                "{\"markerName\": \"Version\", \"markerId\": \"fraud-check\", \"details\": {\"version\": \"one\"}}"));

        assertThat(e.getMessage()).isEqualTo("history <string>: event 2 (events[1], MarkerRecorded): attribute"
                + " 'details' of a Version marker is an object whose 'version' is \"one\" (a string); expected"
                + " {\"version\": <an integer>}, the version Workflow.getVersion chose");
    }

    private static String event(int id, String time, String type, String attributes) {
        return "{\"eventId\": " + id + ", \"eventTime\": \"" + time + "\", \"eventType\": \"" + type
                + "\", \"attributes\": " + attributes + "}";
    }

    private static HistoryFormatException rejection(String events) {
        return catchThrowableOfType(HistoryFormatException.class, () -> History.fromJson(HEAD + events + "]}"));
    }
}
