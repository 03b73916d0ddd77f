package dev.hourglass.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hourglass.common.DataConverterException;
import dev.hourglass.common.PayloadCodec;
import dev.hourglass.common.PayloadCodecException;
import dev.hourglass.history.ActivityTaskScheduledAttributes;
import dev.hourglass.history.EventType;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.history.TimerStartedAttributes;
import dev.hourglass.history.WorkflowExecutionCompletedAttributes;
import dev.hourglass.history.WorkflowExecutionFailedAttributes;
import dev.hourglass.history.WorkflowExecutionSignaledAttributes;
import dev.hourglass.internal.common.PayloadCodecChain;
import dev.hourglass.internal.common.PayloadConverter;
import dev.hourglass.internal.history.EventText;
import dev.hourglass.internal.history.JsonPayload;
import dev.hourglass.internal.history.JsonValues;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on a workflow execution's {@link History}; obtain one with
 * {@link HourglassAssertions#assertThat(History)}.
 *
 * <pre>{@code
 * assertThat(client.fetchHistory("transfer-1"))
 *         .hasActivityScheduled("withdraw")
 *         .hasTimerStarted(Duration.ofDays(3))
 *         .hasEventsInOrder(EventType.ActivityTaskScheduled, EventType.TimerFired, EventType.ActivityTaskScheduled)
 *         .completedWith("moved 100 from alice to bob");
 * }</pre>
 *
 * <p>Failure messages name the workflow id and list the events, each with its id, type and most telling
 * attribute (the activity type, timer duration, signal name, failure types…). Like AssertJ's own, they
 * separate their lines with the platform's line separator.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class HistoryAssert extends AbstractAssert<HistoryAssert, History> {

    /**
     * Creates assertions on {@code actual}; prefer {@link HourglassAssertions#assertThat(History)}.
     *
     * @param actual the history; may be {@code null}, which fails every assertion
     */
    public HistoryAssert(History actual) {
        super(actual, HistoryAssert.class);
    }

    /**
     * Returns assertions on the history with its payloads decoded by {@code codecs}, for a history recorded with
     * payload codecs: {@link #completedWith} then compares decoded values, and failure messages show them.
     *
     * <pre>{@code
     * assertThat(client.fetchHistory("vault-1"))
     *         .withPayloadCodecs(PayloadCodecs.aesGcm("k1", key))
     *         .completedWith("opened");
     * }</pre>
     *
     * <p>The codecs may be given in any order, as each encoded payload names the codecs it needs; a payload that
     * names a codec not given stays encoded, and an assertion on it says so. The description set with
     * {@code as(...)} carries over.
     *
     * @param codecs the codecs the history's payloads were encoded with; never {@code null}
     * @return new assertions on the decoded history; never {@code null}
     * @since 0.1
     */
    public HistoryAssert withPayloadCodecs(PayloadCodec... codecs) {
        Objects.requireNonNull(codecs, "codecs");
        return withPayloadCodecs(Arrays.asList(codecs));
    }

    /**
     * Returns assertions on the history with its payloads decoded by {@code codecs}, like
     * {@link #withPayloadCodecs(PayloadCodec...)}.
     *
     * @param codecs the codecs the history's payloads were encoded with; never {@code null}
     * @return new assertions on the decoded history; never {@code null}
     * @throws AssertionError if a codec fails to decode a payload (another key, say), naming the codec
     * @since 0.1
     */
    public HistoryAssert withPayloadCodecs(List<? extends PayloadCodec> codecs) {
        Objects.requireNonNull(codecs, "codecs");
        isNotNull();
        History plain;
        try {
            plain = actual.withDecodedPayloads(codecs);
        } catch (PayloadCodecException e) {
            failWithMessage("%nExpecting history of <%s>:%n  %s%nto be decodable with the payload codecs given to"
                    + " withPayloadCodecs%nbut the codec %s failed: %s", id(), events(), e.getCodecName(),
                    e.getMessage());
            return this;
        }
        HistoryAssert decoded = new HistoryAssert(plain);
        return info.description() == null ? decoded : decoded.describedAs(info.description());
    }

    /**
     * Verifies that the history contains events of the given types in this order, possibly with other
     * events between them.
     *
     * @param types the event types, in the order they must appear; never {@code null}
     * @return this assertion, for chaining
     */
    public HistoryAssert hasEventsInOrder(EventType... types) {
        Objects.requireNonNull(types, "types");
        isNotNull();
        List<HistoryEvent> events = actual.getEvents();
        int next = 0;
        long lastMatchedId = 0;
        for (int i = 0; i < types.length; i++) {
            while (next < events.size() && events.get(next).getEventType() != types[i]) {
                next++;
            }
            if (next == events.size()) {
                String where = i == 0 ? "it has none" : "it has none after event " + lastMatchedId + " ("
                        + types[i - 1] + ", the match of the previous expected type)";
                failWithMessage("%nExpecting history of <%s>:%n  %s%nto contain these events in order:%n  <%s>%n"
                        + "but <%s> was not found: %s", id(), events(), list(types), types[i], where);
            }
            lastMatchedId = events.get(next).getEventId();
            next++;
        }
        return this;
    }

    /**
     * Verifies that the types of the history's events are exactly the given ones, in this order.
     *
     * @param types every event type of the history, in order; never {@code null}
     * @return this assertion, for chaining
     */
    public HistoryAssert hasExactlyEvents(EventType... types) {
        Objects.requireNonNull(types, "types");
        isNotNull();
        List<EventType> actualTypes = actual.getEvents().stream().map(HistoryEvent::getEventType)
                .collect(Collectors.toList());
        List<EventType> expected = Arrays.asList(types);
        if (!actualTypes.equals(expected)) {
            int index = 0;
            while (index < actualTypes.size() && index < expected.size()
                    && actualTypes.get(index) == expected.get(index)) {
                index++;
            }
            String difference;
            if (index == actualTypes.size()) {
                difference = "it ends after event " + index + " where <" + expected.get(index) + "> was expected";
            } else if (index == expected.size()) {
                difference = "it has more events, from event " + (index + 1) + " (" + actualTypes.get(index) + ")";
            } else {
                difference = "event " + (index + 1) + " is <" + actualTypes.get(index) + "> where <"
                        + expected.get(index) + "> was expected";
            }
            failWithMessage("%nExpecting history of <%s>:%n  %s%nto have exactly the events:%n  <%s>%nbut %s",
                    id(), events(), list(types), difference);
        }
        return this;
    }

    /**
     * Verifies that the workflow scheduled at least one activity of {@code activityType}.
     *
     * @param activityType the activity type, the activity method's name unless renamed; never {@code null}
     * @return this assertion, for chaining
     */
    public HistoryAssert hasActivityScheduled(String activityType) {
        Objects.requireNonNull(activityType, "activityType");
        isNotNull();
        if (countActivities(activityType) == 0) {
            failWithMessage("%nExpecting history of <%s>:%n  %s%nto contain an ActivityTaskScheduled of type:%n"
                    + "  <\"%s\">%nbut it has none", id(), events(), activityType);
        }
        return this;
    }

    /**
     * Verifies that the workflow scheduled exactly {@code times} activities of {@code activityType}; retried
     * attempts of one activity count once.
     *
     * @param activityType the activity type; never {@code null}
     * @param times how many times it must have been scheduled; zero or more
     * @return this assertion, for chaining
     */
    public HistoryAssert hasActivityScheduledTimes(String activityType, int times) {
        Objects.requireNonNull(activityType, "activityType");
        isNotNull();
        long count = countActivities(activityType);
        if (count != times) {
            failWithMessage("%nExpecting history of <%s>:%n  %s%nto contain %s ActivityTaskScheduled of type:%n"
                    + "  <\"%s\">%nbut it has %s", id(), events(), times, activityType, count);
        }
        return this;
    }

    /**
     * Verifies that the workflow started a timer of exactly {@code duration} ({@code Workflow.sleep},
     * {@code Workflow.newTimer} or a timed {@code Workflow.await}).
     *
     * @param duration the timer's duration; never {@code null}
     * @return this assertion, for chaining
     */
    public HistoryAssert hasTimerStarted(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        isNotNull();
        List<String> started = new ArrayList<>();
        for (HistoryEvent event : actual.getEvents()) {
            if (event.getAttributes() instanceof TimerStartedAttributes) {
                Duration timer = ((TimerStartedAttributes) event.getAttributes()).duration();
                if (duration.equals(timer)) {
                    return this;
                }
                started.add(timer == null ? "null" : EventText.duration(timer.toMillis()));
            }
        }
        failWithMessage("%nExpecting history of <%s>:%n  %s%nto contain a TimerStarted of duration:%n  <%s>%n"
                + "but %s", id(), events(), EventText.duration(duration.toMillis()),
                started.isEmpty() ? "it started no timer" : "its timers are " + started);
        return this;
    }

    /**
     * Verifies that at least one signal named {@code signalName} was delivered to the execution.
     *
     * @param signalName the signal's name, the signal method's name unless renamed; never {@code null}
     * @return this assertion, for chaining
     */
    public HistoryAssert hasSignal(String signalName) {
        Objects.requireNonNull(signalName, "signalName");
        isNotNull();
        for (HistoryEvent event : actual.getEvents()) {
            if (event.getAttributes() instanceof WorkflowExecutionSignaledAttributes
                    && signalName.equals(((WorkflowExecutionSignaledAttributes) event.getAttributes()).signalName())) {
                return this;
            }
        }
        failWithMessage("%nExpecting history of <%s>:%n  %s%nto contain a WorkflowExecutionSignaled named:%n"
                + "  <\"%s\">%nbut it has none", id(), events(), signalName);
        return this;
    }

    /**
     * Verifies that the execution completed with a result equal to {@code expected}.
     *
     * <p>The recorded result is decoded to {@code expected}'s class and compared with {@link Object#equals};
     * where that class alone cannot rebuild the value (a {@code List<Quote>} decodes to a list of maps), the
     * JSON of {@code expected} is compared with the recorded JSON instead, numbers by value.
     *
     * @param expected the expected result; may be {@code null} for a workflow that returned {@code null} or
     *     {@code void}
     * @return this assertion, for chaining
     */
    public HistoryAssert completedWith(Object expected) {
        isNotNull();
        HistoryEvent last = actual.getLastEvent();
        if (last == null || last.getEventType() != EventType.WorkflowExecutionCompleted) {
            failWithMessage("%nExpecting history of <%s>:%n  %s%nto have completed with:%n  <%s>%n"
                    + "but its last event is <%s>", id(), events(), render(expected), last == null ? "none"
                    : EventText.summary(last));
        }
        JsonNode result = JsonPayload.node(last.getAttributes(WorkflowExecutionCompletedAttributes.class).result());
        if (result != null && PayloadCodecChain.isEncoded(result)) {
            failWithMessage("%nExpecting history of <%s>:%n  %s%nto have completed with:%n  <%s>%n"
                    + "but its result is encoded with %s; assert on it with"
                    + " assertThat(history).withPayloadCodecs(...) given the codecs it was recorded with", id(),
                    events(), render(expected), PayloadCodecChain.codecNames(result));
            return this;
        }
        Object decoded;
        if (expected == null) {
            decoded = result == null || result.isNull() ? null : result;
        } else {
            try {
                decoded = PayloadConverter.getDefault().fromJson(result, expected.getClass(), expected.getClass());
            } catch (DataConverterException e) {
                failWithMessage("%nExpecting history of <%s>:%n  %s%nto have completed with:%n  <%s>%n"
                        + "but its result %s cannot be read as a %s: %s", id(), events(), render(expected),
                        EventText.json(result), expected.getClass().getName(), e.getMessage());
                return this;
            }
        }
        // A generic value (a list of records, say) decodes from its class alone into maps: then its JSON decides.
        if (!Objects.equals(decoded, expected) && !(expected != null && result != null
                && JsonValues.equivalent(PayloadConverter.getDefault().toJson(expected), result))) {
            failWithMessage("%nExpecting history of <%s>:%n  %s%nto have completed with:%n  <%s>%n"
                    + "but it completed with:%n  <%s>", id(), events(), render(expected),
                    result == null ? "null" : EventText.json(result));
        }
        return this;
    }

    /**
     * Verifies that the execution failed with a failure of {@code failureType}, or with a failure caused,
     * directly or further down its chain, by one.
     *
     * <p>The failure type is an {@code ApplicationFailure}'s type, the class name of any other exception
     * thrown by workflow or activity code, or the simple name of an Hourglass failure class
     * ({@code "ActivityFailure"}, {@code "TimeoutFailure"}…). An activity's failure is recorded wrapped in
     * an {@code ActivityFailure}, so both {@code "ActivityFailure"} and the activity's own type match.
     *
     * @param failureType the failure type to find; never {@code null}
     * @return this assertion, for chaining
     */
    public HistoryAssert failedWith(String failureType) {
        Objects.requireNonNull(failureType, "failureType");
        isNotNull();
        HistoryEvent last = actual.getLastEvent();
        if (last == null || last.getEventType() != EventType.WorkflowExecutionFailed) {
            failWithMessage("%nExpecting history of <%s>:%n  %s%nto have failed with:%n  <\"%s\">%n"
                    + "but its last event is <%s>", id(), events(), failureType, last == null ? "none"
                    : EventText.summary(last));
        }
        JsonNode failure = JsonPayload.node(last.getAttributes(WorkflowExecutionFailedAttributes.class).failure());
        if (!EventText.failureTypes(failure).contains(failureType)) {
            failWithMessage("%nExpecting history of <%s>:%n  %s%nto have failed with:%n  <\"%s\">%n"
                    + "but it failed with:%n  <%s>", id(), events(), failureType, EventText.failure(failure));
        }
        return this;
    }

    /**
     * Verifies that the execution is closed: its last event completed, failed, canceled, continued as new,
     * terminated or timed out the run.
     *
     * @return this assertion, for chaining
     */
    public HistoryAssert isClosed() {
        isNotNull();
        if (!actual.isClosed()) {
            failWithMessage("%nExpecting history of <%s>:%n  %s%nto be closed%nbut its last event <%s> does not close"
                    + " it", id(), events(), lastSummary());
        }
        return this;
    }

    /**
     * Verifies that the execution is still open: its last event does not close the run.
     *
     * @return this assertion, for chaining
     */
    public HistoryAssert isOpen() {
        isNotNull();
        if (actual.isClosed()) {
            failWithMessage("%nExpecting history of <%s>:%n  %s%nto be open%nbut it was closed by <%s>", id(),
                    events(), lastSummary());
        }
        return this;
    }

    private long countActivities(String activityType) {
        return actual.getEvents().stream()
                .filter(event -> event.getAttributes() instanceof ActivityTaskScheduledAttributes)
                .filter(event -> activityType.equals(
                        ((ActivityTaskScheduledAttributes) event.getAttributes()).activityType()))
                .count();
    }

    private String id() {
        return actual.getWorkflowId();
    }

    private String events() {
        return EventText.summaries(actual);
    }

    private String lastSummary() {
        HistoryEvent last = actual.getLastEvent();
        return last == null ? "none" : EventText.summary(last);
    }

    private static String render(Object value) {
        try {
            return EventText.json(PayloadConverter.getDefault().toJson(value));
        } catch (DataConverterException e) {
            return String.valueOf(value);
        }
    }

    private static String list(EventType[] types) {
        return Arrays.stream(types).map(String::valueOf).collect(Collectors.joining(", "));
    }
}
