package dev.hourglass.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.hourglass.internal.history.JsonPayload;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HistoryEventTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Instant TIME = Instant.parse("2024-05-01T12:00:00Z");

    // --- construction and access ---------------------------------------------------------------------

    @Test
    void rejectsNullTimeAndAttributesNamingTheArgument() {
        assertThatThrownBy(() -> new HistoryEvent(1, null, new TimerFiredAttributes("1")))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("eventTime");
        assertThatThrownBy(() -> new HistoryEvent(1, TIME, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("attributes");
    }

    @Test
    void eventTypeIsTheTypeOfItsAttributes() {
        assertThat(timerStarted("1", Duration.ofSeconds(5)).getEventType()).isEqualTo(EventType.TimerStarted);
        assertThat(new HistoryEvent(9, TIME, new WorkflowExecutionCanceledAttributes()).getEventType())
                .isEqualTo(EventType.WorkflowExecutionCanceled);
    }

    @Test
    void getAttributesReturnsTheTypedRecord() {
        HistoryEvent event = timerStarted("1", Duration.ofSeconds(5));

        assertThat(event.getAttributes()).isInstanceOfSatisfying(TimerStartedAttributes.class, timer -> {
            assertThat(timer.timerId()).isEqualTo("1");
            assertThat(timer.duration()).isEqualTo(Duration.ofSeconds(5));
        });
    }

    @Test
    void getAttributesOfItsOwnRecordTypeReturnsThem() {
        TimerStartedAttributes timer =
                timerStarted("1", Duration.ofSeconds(5)).getAttributes(TimerStartedAttributes.class);

        assertThat(timer).isEqualTo(new TimerStartedAttributes("1", Duration.ofSeconds(5)));
    }

    @Test
    void getAttributesOfAnotherRecordTypeFailsNamingTheEventAndBothTypes() {
        HistoryEvent event = timerStarted("1", Duration.ofSeconds(5));

        assertThatThrownBy(() -> event.getAttributes(TimerFiredAttributes.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("event 3 is TimerStarted, whose attributes are TimerStartedAttributes, "
                        + "not TimerFiredAttributes");
    }

    @Test
    void anEventWithoutUnknownAttributesHasNone() {
        assertThat(timerStarted("1", Duration.ofSeconds(5)).getUnknownAttributes()).isNull();
    }

    @Test
    void anEmptyObjectOfUnknownAttributesCountsAsNone() {
        HistoryEvent event = new HistoryEvent(6, TIME, new TimerFiredAttributes("1"), Payload.fromJson("{}"));

        assertThat(event.getUnknownAttributes()).isNull();
        assertThat(event).isEqualTo(new HistoryEvent(6, TIME, new TimerFiredAttributes("1")));
    }

    @Test
    void unknownAttributesAreKeptBesideTheKnownOnes() {
        HistoryEvent event = new HistoryEvent(6, TIME, new TimerFiredAttributes("1"),
                Payload.fromJson("{\"summary\":\"hold funds\"}"));

        assertThat(event.getAttributes()).isEqualTo(new TimerFiredAttributes("1"));
        assertThat(event.getUnknownAttributes().toJson()).isEqualTo("{\"summary\":\"hold funds\"}");
    }

    // --- equality ------------------------------------------------------------------------------------

    @Test
    void eventsWithEqualFieldsAreEqual() {
        assertThat(timerStarted("1", Duration.ofSeconds(5)))
                .isEqualTo(timerStarted("1", Duration.ofSeconds(5)))
                .hasSameHashCodeAs(timerStarted("1", Duration.ofSeconds(5)));
    }

    @Test
    void eventsDifferingInAnyFieldAreNotEqual() {
        TimerStartedAttributes attributes = new TimerStartedAttributes("1", Duration.ofSeconds(5));
        HistoryEvent event = new HistoryEvent(3, TIME, attributes);

        assertThat(event)
                .isNotEqualTo(new HistoryEvent(4, TIME, attributes))
                .isNotEqualTo(new HistoryEvent(3, TIME.plusMillis(1), attributes))
                .isNotEqualTo(new HistoryEvent(3, TIME, new TimerCanceledAttributes("1")))
                .isNotEqualTo(timerStarted("1", Duration.ofMillis(5001)))
                .isNotEqualTo(new HistoryEvent(3, TIME, attributes, Payload.fromJson("{\"summary\":\"hold\"}")));
    }

    @Test
    void payloadNumbersCompareByValueNotByJavaType() {
        HistoryEvent asInt = completed(JsonPayload.of(NODES.numberNode(5)));
        HistoryEvent asLong = completed(JsonPayload.of(NODES.numberNode(5L)));

        assertThat(asInt).isEqualTo(asLong).hasSameHashCodeAs(asLong);
    }

    @Test
    void payloadFieldOrderDoesNotAffectEquality() {
        HistoryEvent kindFirst = completed(Payload.fromJson("{\"kind\":\"withdrawal\",\"cents\":100}"));
        HistoryEvent centsFirst = completed(Payload.fromJson("{\"cents\":100,\"kind\":\"withdrawal\"}"));

        assertThat(kindFirst).isEqualTo(centsFirst).hasSameHashCodeAs(centsFirst);
    }

    @Test
    void unknownAttributesCompareAsJsonValues() {
        HistoryEvent one = new HistoryEvent(6, TIME, new TimerFiredAttributes("1"),
                Payload.fromJson("{\"summary\":\"hold\",\"owner\":\"treasury\"}"));
        HistoryEvent other = new HistoryEvent(6, TIME, new TimerFiredAttributes("1"),
                Payload.fromJson("{\"owner\":\"treasury\",\"summary\":\"hold\"}"));

        assertThat(one).isEqualTo(other).hasSameHashCodeAs(other);
    }

    // --- text ----------------------------------------------------------------------------------------

    @Test
    void toStringIsIdTypeAndAttributesWithACompactDuration() {
        assertThat(new HistoryEvent(5, TIME, new TimerStartedAttributes("1", Duration.ofDays(3))))
                .hasToString("5 TimerStarted timerId=1 duration=3d");
    }

    @Test
    void toStringOfAnEventWithoutAttributesIsIdAndType() {
        assertThat(new HistoryEvent(9, TIME, new WorkflowExecutionCanceledAttributes()))
                .hasToString("9 WorkflowExecutionCanceled");
    }

    @Test
    void toStringLeavesOutAbsentOptionalAttributesAndWritesPayloadsAsJson() {
        HistoryEvent scheduled = new HistoryEvent(2, TIME, new ActivityTaskScheduledAttributes("1", "withdraw",
                "transfers", Payload.ofArguments("acct-1", 10000), Duration.ofMillis(1500), null, null, null));

        assertThat(scheduled).hasToString("2 ActivityTaskScheduled activityId=1 activityType=withdraw "
                + "taskQueue=transfers input=[\"acct-1\",10000] startToCloseTimeout=1s 500ms");
    }

    @Test
    void toStringWritesARetryPolicyByItsFields() {
        HistoryEvent scheduled = new HistoryEvent(2, TIME, new ActivityTaskScheduledAttributes("1", "withdraw",
                "transfers", Payload.ofArguments(), null, null, null, SampleHistories.retryPolicy()));

        assertThat(scheduled.toString()).endsWith("retryPolicy={initialInterval=1s, backoffCoefficient=2.0, "
                + "maximumInterval=1m, maximumAttempts=5, doNotRetry=[InsufficientFunds]}");
    }

    @Test
    void toStringQuotesFreeText() {
        assertThat(new HistoryEvent(3, TIME, new WorkflowExecutionTerminatedAttributes("operator gave up")))
                .hasToString("3 WorkflowExecutionTerminated reason=\"operator gave up\"");
    }

    @Test
    void toStringWritesAFailureAsItsChainOfCauses() {
        Payload failure = Payload.fromJson("{\"kind\":\"activity\",\"type\":\"ActivityFailure\","
                + "\"activityType\":\"withdraw\",\"attempt\":3,\"cause\":{\"kind\":\"application\","
                + "\"type\":\"InsufficientFunds\",\"message\":\"balance is 10\"}}");

        assertThat(new HistoryEvent(4, TIME, new WorkflowExecutionFailedAttributes(failure)))
                .hasToString("4 WorkflowExecutionFailed failure=ActivityFailure[withdraw, attempt 3] "
                        + "caused by InsufficientFunds \"balance is 10\"");
    }

    @Test
    void toStringWritesARequiredAttributeThatIsNullAsNull() {
        assertThat(new HistoryEvent(4, TIME, new ActivityTaskFailedAttributes("1", null, null)))
                .hasToString("4 ActivityTaskFailed activityId=1 failure=null");
    }

    @Test
    void toStringWritesUnknownAttributesAfterTheKnownOnes() {
        HistoryEvent event = new HistoryEvent(6, TIME, new TimerFiredAttributes("1"),
                Payload.fromJson("{\"summary\":\"hold funds\"}"));

        assertThat(event).hasToString("6 TimerFired timerId=1 summary=\"hold funds\"");
    }

    private static HistoryEvent timerStarted(String timerId, Duration duration) {
        return new HistoryEvent(3, TIME, new TimerStartedAttributes(timerId, duration));
    }

    private static HistoryEvent completed(Payload result) {
        return new HistoryEvent(4, TIME, new ActivityTaskCompletedAttributes("1", result));
    }
}
