package dev.hourglass.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HistoryEventTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Instant TIME = Instant.parse("2024-05-01T12:00:00Z");

    @Test
    void nullAttributesBecomeAnEmptyObject() {
        HistoryEvent event = new HistoryEvent(1, TIME, EventType.WorkflowExecutionCanceled, null);

        assertThat(event.getAttributes()).isEqualTo(NODES.objectNode());
    }

    @Test
    void rejectsNullTimeAndTypeNamingTheArgument() {
        assertThatThrownBy(() -> new HistoryEvent(1, null, EventType.TimerFired, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("eventTime");
        assertThatThrownBy(() -> new HistoryEvent(1, TIME, null, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("eventType");
    }

    @Test
    void getAttributesReturnsACopyThatDoesNotChangeTheEvent() {
        HistoryEvent event = timerStarted("1", 5000);

        ObjectNode copy = event.getAttributes();
        copy.put("timerId", "changed");
        copy.putObject("extra");

        assertThat(event.getStringAttribute("timerId")).isEqualTo("1");
        assertThat(event.getAttribute("extra")).isNull();
    }

    @Test
    void getAttributeReturnsNullForAnAbsentAttribute() {
        assertThat(timerStarted("1", 5000).getAttribute("absent")).isNull();
    }

    @Test
    void getAttributeReturnsAJsonNullNodeForANullAttribute() {
        HistoryEvent event =
                new HistoryEvent(2, TIME, EventType.ActivityTaskCompleted, NODES.objectNode().putNull("result"));

        assertThat(event.getAttribute("result").isNull()).isTrue();
    }

    @Test
    void getStringAttributeReturnsNullForAbsentOrJsonNull() {
        HistoryEvent event =
                new HistoryEvent(2, TIME, EventType.WorkflowExecutionTerminated, NODES.objectNode().putNull("reason"));

        assertThat(event.getStringAttribute("reason")).isNull();
        assertThat(event.getStringAttribute("absent")).isNull();
    }

    @Test
    void getStringAttributeRejectsANonString() {
        assertThatThrownBy(() -> timerStarted("1", 5000).getStringAttribute("durationMillis"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("attribute 'durationMillis' of event 3 (TimerStarted) is 5000 (a number); expected a string");
    }

    @Test
    void getLongAttributeReadsIntegersOfAnySize() {
        HistoryEvent event =
                new HistoryEvent(
                        2,
                        TIME,
                        EventType.TimerStarted,
                        NODES.objectNode().put("small", 7).put("large", 259_200_000_000L).put("whole", 3.0));

        assertThat(event.getLongAttribute("small", -1)).isEqualTo(7);
        assertThat(event.getLongAttribute("large", -1)).isEqualTo(259_200_000_000L);
        assertThat(event.getLongAttribute("whole", -1)).isEqualTo(3);
    }

    @Test
    void getLongAttributeReturnsTheDefaultForAbsentOrJsonNull() {
        HistoryEvent event = new HistoryEvent(2, TIME, EventType.TimerStarted, NODES.objectNode().putNull("n"));

        assertThat(event.getLongAttribute("n", 42)).isEqualTo(42);
        assertThat(event.getLongAttribute("absent", 43)).isEqualTo(43);
    }

    @Test
    void getLongAttributeRejectsAFraction() {
        HistoryEvent event = new HistoryEvent(2, TIME, EventType.TimerStarted, NODES.objectNode().put("n", 1.5));

        assertThatThrownBy(() -> event.getLongAttribute("n", 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("attribute 'n' of event 2 (TimerStarted) is 1.5 (a number)");
    }

    @Test
    void toStringIsIdTypeAndCompactAttributesOnOneLine() {
        assertThat(timerStarted("1", 259_200_000))
                .hasToString("3 TimerStarted {\"timerId\":\"1\",\"durationMillis\":259200000}");
    }

    @Test
    void eventsWithEqualFieldsAreEqual() {
        assertThat(timerStarted("1", 5000)).isEqualTo(timerStarted("1", 5000)).hasSameHashCodeAs(timerStarted("1", 5000));
    }

    @Test
    void eventsDifferingInAnyFieldAreNotEqual() {
        HistoryEvent event = timerStarted("1", 5000);
        ObjectNode attributes = event.getAttributes();

        assertThat(event)
                .isNotEqualTo(new HistoryEvent(4, TIME, EventType.TimerStarted, attributes))
                .isNotEqualTo(new HistoryEvent(3, TIME.plusMillis(1), EventType.TimerStarted, attributes))
                .isNotEqualTo(new HistoryEvent(3, TIME, EventType.TimerCanceled, attributes))
                .isNotEqualTo(timerStarted("1", 5001));
    }

    @Test
    void attributeNumbersCompareByValueNotByJavaType() {
        HistoryEvent asInt = new HistoryEvent(3, TIME, EventType.TimerStarted, NODES.objectNode().put("n", 5));
        HistoryEvent asLong = new HistoryEvent(3, TIME, EventType.TimerStarted, NODES.objectNode().put("n", 5L));

        assertThat(asInt).isEqualTo(asLong).hasSameHashCodeAs(asLong);
    }

    @Test
    void attributeOrderDoesNotAffectEquality() {
        ObjectNode timerFirst = NODES.objectNode().put("timerId", "1").put("durationMillis", 5);
        ObjectNode durationFirst = NODES.objectNode().put("durationMillis", 5).put("timerId", "1");
        HistoryEvent one = new HistoryEvent(3, TIME, EventType.TimerStarted, timerFirst);
        HistoryEvent other = new HistoryEvent(3, TIME, EventType.TimerStarted, durationFirst);

        assertThat(one).isEqualTo(other).hasSameHashCodeAs(other);
    }

    private static HistoryEvent timerStarted(String timerId, long durationMillis) {
        ObjectNode attributes = NODES.objectNode().put("timerId", timerId).put("durationMillis", durationMillis);
        return new HistoryEvent(3, TIME, EventType.TimerStarted, attributes);
    }
}
