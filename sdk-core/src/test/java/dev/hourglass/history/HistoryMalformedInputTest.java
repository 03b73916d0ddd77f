package dev.hourglass.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HistoryMalformedInputTest {

    private static final ObjectMapper PLAIN = new ObjectMapper();

    // --- the document as a whole -------------------------------------------------------------------

    @Test
    void rejectsTextThatIsNotJsonAndSaysWhere() {
        HistoryFormatException e = rejection("{\n  \"format\": \"hourglass-history\",\n  \"version\": 1,,\n}");

        assertThat(e.getMessage()).startsWith("history <string>: not valid JSON at line 3, column ");
        assertThat(e.getSource()).isEqualTo("<string>");
        assertThat(e.getEventId()).isEmpty();
        assertThat(e.getCause()).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void rejectsEmptyInput() {
        HistoryFormatException e = rejection("   ");

        assertThat(e.getMessage()).isEqualTo(
                "history <string>: the input is empty; expected a JSON object with \"format\": \"hourglass-history\"");
        assertThat(e.getEventId()).isEmpty();
    }

    @Test
    void rejectsJsonThatIsNotAnObject() {
        HistoryFormatException e = rejection("[1, 2]");

        assertThat(e.getMessage())
                .isEqualTo(
                        "history <string>: the top-level value is an array; "
                                + "expected a JSON object with \"format\": \"hourglass-history\"");
        assertThat(e.getEventId()).isEmpty();
    }

    @Test
    void rejectsContentAfterTheTopLevelObject() {
        String json = "{\"format\": \"hourglass-history\"}\n{}";

        assertThat(rejection(json).getMessage())
                .isEqualTo(
                        "history <string>: unexpected content after the top-level value at line 2, column 1; "
                                + "expected one JSON object and nothing after it");
    }

    @Test
    void rejectsDuplicateFieldNames() {
        String json =
                SampleHistories.justStarted()
                        .toJson()
                        .replace("\"runId\": \"run-1\",", "\"runId\": \"a\", \"runId\": \"b\",");

        assertThat(rejection(json).getMessage()).contains("not valid JSON").contains("Duplicate field 'runId'");
    }

    @Test
    void rejectsMissingFormat() {
        HistoryFormatException e = rejection(modified(root -> root.remove("format")));

        assertThat(e.getMessage())
                .isEqualTo(
                        "history <string>: field 'format' is missing; "
                                + "expected \"format\": \"hourglass-history\" (is this an Hourglass history?)");
        assertThat(e.getEventId()).isEmpty();
    }

    @Test
    void rejectsWrongFormat() {
        HistoryFormatException e = rejection(modified(root -> root.put("format", "temporal-history")));

        assertThat(e.getMessage())
                .isEqualTo(
                        "history <string>: field 'format' is \"temporal-history\" (a string); "
                                + "expected \"hourglass-history\" (is this an Hourglass history?)");
    }

    @Test
    void rejectsMissingVersion() {
        HistoryFormatException e = rejection(modified(root -> root.remove("version")));

        assertThat(e.getMessage()).isEqualTo("history <string>: field 'version' is missing; expected \"version\": 1");
        assertThat(e.getEventId()).isEmpty();
    }

    @Test
    void rejectsAVersionThatIsNotAnInteger() {
        HistoryFormatException e = rejection(modified(root -> root.put("version", "1")));

        assertThat(e.getMessage())
                .isEqualTo("history <string>: field 'version' is \"1\" (a string); expected the integer 1");
    }

    @Test
    void rejectsAnUnsupportedVersion() {
        HistoryFormatException e = rejection(modified(root -> root.put("version", 2)));

        assertThat(e.getMessage())
                .isEqualTo(
                        "history <string>: unsupported history format version 2; this reader understands version 1");
        assertThat(e.getEventId()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"workflowId", "runId", "workflowType", "taskQueue"})
    void rejectsAMissingIdentityField(String field) {
        HistoryFormatException e = rejection(modified(root -> root.remove(field)));

        assertThat(e.getMessage())
                .isEqualTo("history <string>: field '" + field + "' is missing; expected a JSON string");
        assertThat(e.getEventId()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"workflowId", "runId", "workflowType", "taskQueue"})
    void rejectsAnIdentityFieldThatIsNotAString(String field) {
        HistoryFormatException e = rejection(modified(root -> root.put(field, 42)));

        assertThat(e.getMessage())
                .isEqualTo("history <string>: field '" + field + "' is 42 (a number); expected a JSON string");
    }

    @Test
    void rejectsMissingEvents() {
        HistoryFormatException e = rejection(modified(root -> root.remove("events")));

        assertThat(e.getMessage())
                .isEqualTo("history <string>: field 'events' is missing; expected a JSON array of events");
        assertThat(e.getEventId()).isEmpty();
    }

    @Test
    void rejectsEventsThatAreNotAnArray() {
        HistoryFormatException e = rejection(modified(root -> root.putObject("events")));

        assertThat(e.getMessage())
                .isEqualTo("history <string>: field 'events' is an object; expected a JSON array of events");
    }

    @Test
    void rejectsAnEmptyEventsArray() {
        HistoryFormatException e = rejection(modified(root -> root.putArray("events")));

        assertThat(e.getMessage())
                .isEqualTo(
                        "history <string>: field 'events' is an empty array; "
                                + "expected at least the WorkflowExecutionStarted event");
        assertThat(e.getEventId()).isEmpty();
    }

    @Test
    void rejectsAFirstEventOtherThanWorkflowExecutionStarted() {
        HistoryFormatException e = rejection(modified(root -> event(root, 0).put("eventType", "TimerFired")));

        assertThat(e.getMessage())
                .isEqualTo(
                        "history <string>: event 1 (events[0], TimerFired): the first event is TimerFired; "
                                + "expected WorkflowExecutionStarted");
        assertThat(e.getEventId()).hasValue(1);
    }

    // --- one event -----------------------------------------------------------------------------------

    @Test
    void rejectsAnEventThatIsNotAnObject() {
        HistoryFormatException e = rejection(modified(root -> events(root).set(3, TextNode.valueOf("TimerStarted"))));

        assertThat(e.getMessage())
                .isEqualTo(
                        "history <string>: event 4 (events[3]): the event is \"TimerStarted\" (a string); "
                                + "expected an object with eventId, eventTime, eventType and attributes");
        assertThat(e.getEventId()).hasValue(4);
    }

    @Test
    void rejectsAMissingEventIdAndReportsThePosition() {
        HistoryFormatException e = rejection(modified(root -> event(root, 4).remove("eventId")));

        assertThat(e.getMessage())
                .isEqualTo(
                        "history <string>: event 5 (events[4], TimerStarted): field 'eventId' is missing; "
                                + "expected eventId 5");
        assertThat(e.getEventId()).hasValue(5);
    }

    @Test
    void rejectsAnEventIdThatIsNotAnInteger() {
        HistoryFormatException e = rejection(modified(root -> event(root, 4).put("eventId", "5")));

        assertThat(e.getMessage())
                .isEqualTo(
                        "history <string>: event 5 (events[4], TimerStarted): field 'eventId' is \"5\" (a string), "
                                + "not an integer; expected eventId 5");
        assertThat(e.getEventId()).hasValue(5);
    }

    @Test
    void rejectsAGapInEventIds() {
        HistoryFormatException e = rejection(modified(root -> events(root).remove(3)));

        assertThat(e.getMessage())
                .startsWith(
                        "history <string>: event 5 (events[3], TimerStarted): expected eventId 4 but found 5 (gap); ");
        assertThat(e.getEventId()).hasValue(5);
    }

    @Test
    void rejectsARepeatedEventId() {
        HistoryFormatException e = rejection(modified(root -> event(root, 6).put("eventId", 6)));

        assertThat(e.getMessage())
                .startsWith(
                        "history <string>: event 6 (events[6], ActivityTaskScheduled): "
                                + "expected eventId 7 but found 6 (repeated or out of order); ");
        assertThat(e.getEventId()).hasValue(6);
    }

    @Test
    void rejectsEventIdsThatDoNotStartAtOne() {
        HistoryFormatException e = rejection(modified(root -> event(root, 0).put("eventId", 0)));

        assertThat(e.getMessage())
                .startsWith(
                        "history <string>: event 0 (events[0], WorkflowExecutionStarted): "
                                + "expected eventId 1 but found 0 (repeated or out of order); ");
        assertThat(e.getEventId()).hasValue(0);
    }

    @Test
    void rejectsAMissingEventTime() {
        HistoryFormatException e = rejection(modified(root -> event(root, 5).remove("eventTime")));

        assertThat(e.getMessage())
                .isEqualTo(
                        "history <string>: event 6 (events[5], TimerFired): field 'eventTime' is missing; "
                                + "expected an ISO-8601 UTC timestamp such as 2024-05-01T12:00:00.123Z");
        assertThat(e.getEventId()).hasValue(6);
    }

    @Test
    void rejectsAnEventTimeThatIsNotIso8601() {
        HistoryFormatException e = rejection(modified(root -> event(root, 5).put("eventTime", "4 May 2024 12:00")));

        assertThat(e.getMessage())
                .isEqualTo(
                        "history <string>: event 6 (events[5], TimerFired): field 'eventTime' is \"4 May 2024 12:00\" "
                                + "(a string), not an ISO-8601 timestamp; "
                                + "expected an ISO-8601 UTC timestamp such as 2024-05-01T12:00:00.123Z");
        assertThat(e.getEventId()).hasValue(6);
    }

    @Test
    void rejectsAnEventTimeGivenAsANumber() {
        HistoryFormatException e = rejection(modified(root -> event(root, 5).put("eventTime", 1714564800000L)));

        assertThat(e.getMessage()).contains("event 6 ").contains("field 'eventTime' is 1714564800000 (a number)");
    }

    @Test
    void rejectsAMissingEventType() {
        HistoryFormatException e = rejection(modified(root -> event(root, 5).remove("eventType")));

        assertThat(e.getMessage())
                .startsWith(
                        "history <string>: event 6 (events[5]): field 'eventType' is missing; "
                                + "expected one of WorkflowExecutionStarted, ActivityTaskScheduled, ")
                .endsWith("WorkflowExecutionTerminated, WorkflowExecutionTimedOut");
        assertThat(e.getEventId()).hasValue(6);
    }

    @Test
    void rejectsAnUnknownEventTypeAndListsTheKnownOnes() {
        HistoryFormatException e = rejection(modified(root -> event(root, 5).put("eventType", "TimerExploded")));

        assertThat(e.getMessage())
                .startsWith(
                        "history <string>: event 6 (events[5], TimerExploded): unknown eventType \"TimerExploded\" "
                                + "(a string); expected one of ");
        for (EventType type : EventType.values()) {
            assertThat(e.getMessage()).contains(type.name());
        }
        assertThat(e.getEventId()).hasValue(6);
    }

    @Test
    void rejectsAttributesThatAreNotAnObject() {
        HistoryFormatException e = rejection(modified(root -> event(root, 5).putArray("attributes").add("2")));

        assertThat(e.getMessage())
                .isEqualTo(
                        "history <string>: event 6 (events[5], TimerFired): field 'attributes' is an array; "
                                + "expected a JSON object (or no 'attributes' field for none)");
        assertThat(e.getEventId()).hasValue(6);
    }

    @Test
    void rejectsNullAttributes() {
        HistoryFormatException e = rejection(modified(root -> event(root, 5).putNull("attributes")));

        assertThat(e.getMessage()).contains("event 6 (events[5], TimerFired): field 'attributes' is null; ");
    }

    @Test
    void rejectsAMissingRequiredAttributeAndNamesItAndTheEventType() {
        HistoryFormatException e = rejection(modified(root -> attributes(root, 4).remove("durationMillis")));

        assertThat(e.getMessage())
                .isEqualTo(
                        "history <string>: event 5 (events[4], TimerStarted): required attribute 'durationMillis' is "
                                + "missing; TimerStarted requires timerId, durationMillis");
        assertThat(e.getEventId()).hasValue(5);
    }

    @Test
    void acceptsARequiredAttributeThatIsJsonNull() {
        String json = modified(root -> attributes(root, 3).putNull("result"));

        assertThat(History.fromJson(json).getEvents().get(3).getAttributes(ActivityTaskCompletedAttributes.class)
                .result().toJson()).isEqualTo("null");
    }

    @Test
    void rejectsAnInputThatIsNotAnArray() {
        HistoryFormatException e = rejection(modified(root -> attributes(root, 1).put("input", "acct-1")));

        assertThat(e.getMessage())
                .isEqualTo(
                        "history <string>: event 2 (events[1], ActivityTaskScheduled): attribute 'input' is \"acct-1\" "
                                + "(a string); expected a JSON array with one element per argument (use [] for none)");
        assertThat(e.getEventId()).hasValue(2);
    }

    @Test
    void rejectsAnInputThatIsNull() {
        HistoryFormatException e = rejection(modified(root -> attributes(root, 0).putNull("input")));

        assertThat(e.getMessage())
                .contains("event 1 (events[0], WorkflowExecutionStarted): attribute 'input' is null; expected a JSON array");
    }

    @Test
    void rejectsAnIdAttributeThatIsNotAString() {
        HistoryFormatException e = rejection(modified(root -> attributes(root, 5).put("timerId", 2)));

        assertThat(e.getMessage())
                .isEqualTo(
                        "history <string>: event 6 (events[5], TimerFired): attribute 'timerId' is 2 (a number); "
                                + "expected a JSON string (or null)");
    }

    @Test
    void rejectsADurationThatIsNotAnInteger() {
        HistoryFormatException e = rejection(modified(root -> attributes(root, 4).put("durationMillis", "3d")));

        assertThat(e.getMessage())
                .contains("event 5 (events[4], TimerStarted): attribute 'durationMillis' is \"3d\" (a string); "
                        + "expected an integer");
    }

    @Test
    void rejectsAFailureThatIsNotAnObject() {
        HistoryFormatException e =
                rejection(
                        modified(
                                root -> {
                                    event(root, 9).put("eventType", "WorkflowExecutionFailed");
                                    attributes(root, 9).put("failure", "boom");
                                }));

        assertThat(e.getMessage())
                .contains("event 10 (events[9], WorkflowExecutionFailed): attribute 'failure' is \"boom\" (a string); ");
    }

    @Test
    void rejectsAnUnknownTimeoutTypeAndListsTheKnownOnes() {
        HistoryFormatException e =
                rejection(
                        modified(
                                root -> {
                                    event(root, 3).put("eventType", "ActivityTaskTimedOut");
                                    attributes(root, 3).remove("result");
                                    attributes(root, 3).put("timeoutType", "START_TO_FINISH");
                                }));

        assertThat(e.getMessage())
                .isEqualTo(
                        "history <string>: event 4 (events[3], ActivityTaskTimedOut): attribute 'timeoutType' is "
                                + "\"START_TO_FINISH\" (a string); expected one of START_TO_CLOSE, SCHEDULE_TO_START, "
                                + "SCHEDULE_TO_CLOSE, HEARTBEAT, WORKFLOW_EXECUTION (or null)");
        assertThat(e.getEventId()).hasValue(4);
    }

    @Test
    void rejectsAnUnknownWorkflowIdReusePolicyAndListsTheKnownOnes() {
        HistoryFormatException e =
                rejection(
                        modified(
                                root -> {
                                    event(root, 1).put("eventType", "StartChildWorkflowExecutionInitiated");
                                    ObjectNode initiated = event(root, 1).putObject("attributes");
                                    initiated.put("childId", "1").put("workflowId", "transfer-42/audit")
                                            .put("workflowType", "Audit").put("taskQueue", "transfers");
                                    initiated.putArray("input");
                                    initiated.put("workflowIdReusePolicy", "ALLOW_ALWAYS");
                                }));

        assertThat(e.getMessage())
                .isEqualTo(
                        "history <string>: event 2 (events[1], StartChildWorkflowExecutionInitiated): attribute "
                                + "'workflowIdReusePolicy' is \"ALLOW_ALWAYS\" (a string); expected one of "
                                + "ALLOW_DUPLICATE, ALLOW_DUPLICATE_FAILED_ONLY, REJECT_DUPLICATE (or null)");
        assertThat(e.getEventId()).hasValue(2);
    }

    @Test
    void rejectsARetryPolicyThatIsNotAnObject() {
        HistoryFormatException e = rejection(modified(root -> attributes(root, 1).put("retryPolicy", "default")));

        assertThat(e.getMessage())
                .isEqualTo(
                        "history <string>: event 2 (events[1], ActivityTaskScheduled): attribute 'retryPolicy' is "
                                + "\"default\" (a string); expected a JSON object (or null)");
    }

    @Test
    void rejectsARetryPolicyWithAnInvalidValueAndSaysWhich() {
        HistoryFormatException e =
                rejection(modified(root -> retryPolicy(root).put("backoffCoefficient", 0.5)));

        assertThat(e.getMessage())
                .isEqualTo(
                        "history <string>: event 2 (events[1], ActivityTaskScheduled): attribute 'retryPolicy' is "
                                + "not a valid retry policy: backoffCoefficient must be a finite number >= 1.0, "
                                + "was 0.5; "
                                + "expected initialIntervalMillis, backoffCoefficient, maximumIntervalMillis, "
                                + "maximumAttempts and doNotRetry as docs/history-format.md describes");
        assertThat(e.getEventId()).hasValue(2);
    }

    @Test
    void rejectsARetryPolicyWithAFieldThatIsNotANumber() {
        HistoryFormatException e =
                rejection(modified(root -> retryPolicy(root).put("initialIntervalMillis", "1s")));

        assertThat(e.getMessage())
                .contains("event 2 (events[1], ActivityTaskScheduled): attribute 'retryPolicy' is not a valid retry "
                        + "policy: initialIntervalMillis is \"1s\" (a string), not a whole number of milliseconds, 0 or"
                        + " more; ");
    }

    @Test
    void rejectsARetryPolicyWhoseMaximumIntervalIsShorterThanItsInitialInterval() {
        HistoryFormatException e =
                rejection(modified(root -> retryPolicy(root).put("maximumIntervalMillis", 10)));

        assertThat(e.getMessage())
                .startsWith("history <string>: event 2 (events[1], ActivityTaskScheduled): attribute 'retryPolicy' is "
                        + "not a valid retry policy: maximumInterval");
        assertThat(e.getEventId()).hasValue(2);
    }

    // --- files ---------------------------------------------------------------------------------------

    @Test
    void rejectionOfAFileNamesTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("transfer-42.json");
        Files.writeString(file, modified(root -> attributes(root, 4).remove("timerId")));

        HistoryFormatException e = fileRejection(file);

        assertThat(e.getMessage())
                .startsWith("history " + file + ": event 5 (events[4], TimerStarted): required attribute 'timerId'");
        assertThat(e.getSource()).isEqualTo(file.toString());
        assertThat(e.getEventId()).hasValue(5);
    }

    @Test
    void rejectionOfAFileThatIsNotJsonNamesTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "remember to deposit");

        HistoryFormatException e = fileRejection(file);

        assertThat(e.getMessage()).startsWith("history " + file + ": not valid JSON at line 1, column ");
        assertThat(e.getSource()).isEqualTo(file.toString());
    }

    @Test
    void rejectsAFileThatIsNotUtf8(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("latin1.json");
        Files.write(file, new byte[] {'{', '"', (byte) 0xE9, '"', '}'});

        HistoryFormatException e = fileRejection(file);

        assertThat(e.getMessage())
                .isEqualTo("history " + file + ": the file is not valid UTF-8; expected UTF-8 encoded JSON");
    }

    @Test
    void missingFileIsAnIoErrorNamingTheFile(@TempDir Path dir) {
        Path file = dir.resolve("absent.json");

        Throwable thrown = catchThrowable(() -> History.read(file));

        assertThat(thrown).isInstanceOf(UncheckedIOException.class).hasMessageContaining(file.toString());
    }

    // --- helpers -------------------------------------------------------------------------------------

    private static HistoryFormatException rejection(String json) {
        Throwable thrown = catchThrowable(() -> History.fromJson(json));
        assertThat(thrown).isInstanceOf(HistoryFormatException.class);
        HistoryFormatException e = (HistoryFormatException) thrown;
        assertThat(e.getSource()).isEqualTo("<string>");
        return e;
    }

    private static HistoryFormatException fileRejection(Path file) {
        Throwable thrown = catchThrowable(() -> History.read(file));
        assertThat(thrown).isInstanceOf(HistoryFormatException.class);
        return (HistoryFormatException) thrown;
    }

    /** The money-transfer history's JSON, changed by {@code change}. */
    private static String modified(Consumer<ObjectNode> change) {
        try {
            ObjectNode root = (ObjectNode) PLAIN.readTree(SampleHistories.moneyTransfer().toJson());
            change.accept(root);
            return PLAIN.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private static ArrayNode events(ObjectNode root) {
        return (ArrayNode) root.get("events");
    }

    private static ObjectNode event(ObjectNode root, int index) {
        return (ObjectNode) events(root).get(index);
    }

    /** The retry policy of the withdraw activity (event 2). */
    private static ObjectNode retryPolicy(ObjectNode root) {
        return (ObjectNode) attributes(root, 1).get("retryPolicy");
    }

    private static ObjectNode attributes(ObjectNode root, int index) {
        JsonNode attributes = event(root, index).get("attributes");
        return (ObjectNode) attributes;
    }
}
