package dev.hourglass.internal.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.hourglass.common.RetryPolicy;
import dev.hourglass.history.EventAttributes;
import dev.hourglass.history.EventType;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.history.Payload;
import dev.hourglass.internal.history.EventSchema.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.BiPredicate;
import org.apiguardian.api.API;

/**
 * The one way Hourglass writes events as text, used by {@code HistoryEvent.toString()}, nondeterminism reports,
 * assertion messages and timelines alike.
 *
 * <p>An event is its type followed by attributes as {@code name=value}: {@code 2 ActivityTaskScheduled
 * activityId=1 activityType=withdraw}. Ids, names and task queues are written as they are, free text as a JSON
 * string, durations compactly ({@code duration=3d}, the {@code Millis} suffix dropped), payloads as compact JSON
 * cut at 160 characters, failures as their chain of causes ({@code ActivityFailure[withdraw, attempt 3] caused
 * by InsufficientFunds "balance is 10"}). The summary of an event shows only the attributes that tell it apart
 * (its schema's {@code summary} fields); the full form shows every attribute that is set.
 *
 * @since 0.1
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class EventText {

    private static final int MAX_CAUSE_DEPTH = 20;
    private static final int MAX_JSON_LENGTH = 160;

    private EventText() {
    }

    /** The event with every attribute that is set: {@code 5 TimerStarted timerId=1 duration=3d}. */
    public static String line(HistoryEvent event) {
        String attributes = attributes(event, (name, value) -> false);
        return event.getEventId() + " " + event.getEventType().name() + (attributes.isEmpty() ? "" : " " + attributes);
    }

    /**
     * Every attribute of an event that is set, as {@code name=value} separated by spaces, those this version does
     * not know included, leaving out those {@code skip} accepts (given the JSON name and the Java value).
     */
    public static String attributes(HistoryEvent event, BiPredicate<String, Object> skip) {
        StringJoiner text = new StringJoiner(" ");
        for (Field<EventAttributes> field : EventSchema.of(event.getAttributes()).fields()) {
            Object value = field.get(event.getAttributes());
            if ((value != null || field.isRequired()) && !skip.test(field.name(), value)) {
                text.add(field.label() + "=" + value(field, value));
            }
        }
        JsonNode unknown = JsonPayload.node(event.getUnknownAttributes());
        if (unknown != null && unknown.isObject()) {
            unknown.properties().forEach(field -> text.add(field.getKey() + "=" + json(field.getValue())));
        }
        return text.toString();
    }

    /**
     * The attributes of an event as the timeline of {@code history} shows them: a local activity's marker as its
     * activity, attempt and outcome ({@link LocalActivityMarkerText}), any other event as its {@link #attributes},
     * leaving out those that repeat the history's header (the workflow type of a run it starts, the task queue).
     */
    public static String timelineAttributes(History history, HistoryEvent event) {
        String localActivity = LocalActivityMarkerText.of(event);
        if (localActivity != null) {
            return localActivity;
        }
        boolean startsThisType = event.getEventType() == EventType.WorkflowExecutionStarted
                || event.getEventType() == EventType.WorkflowExecutionContinuedAsNew;
        return attributes(event, (name, value) -> (name.equals("taskQueue") && history.getTaskQueue().equals(value))
                || (startsThisType && name.equals("workflowType") && history.getWorkflowType().equals(value)));
    }

    /**
     * The event with the attributes that tell it apart, such as
     * {@code 2 ActivityTaskScheduled activityId=1 activityType=withdraw}.
     */
    public static String summary(HistoryEvent event) {
        return event.getEventId() + " " + describe(event.getAttributes());
    }

    /** Every event of a history as its {@link #summary}, comma separated, within angle brackets. */
    public static String summaries(History history) {
        StringJoiner joiner = new StringJoiner(", ", "<", ">");
        for (HistoryEvent event : history.getEvents()) {
            joiner.add(summary(event));
        }
        return joiner.toString();
    }

    /** Attributes (a recorded event's, or a command's) as their type and summary attributes. */
    public static String describe(EventAttributes attributes) {
        StringJoiner text = new StringJoiner(" ");
        text.add(attributes.eventType().name());
        for (Field<EventAttributes> field : EventSchema.of(attributes).fields()) {
            Object value = field.get(attributes);
            if (field.isSummary() && value != null) {
                text.add(field.label() + "=" + value(field, value));
            }
        }
        return text.toString();
    }

    /** One attribute's value as the class comment says. */
    public static String value(Field<?> field, Object value) {
        if (value == null) {
            return "null";
        }
        switch (field.kind()) {
            case TEXT:
                return TextNode.valueOf((String) value).toString();
            case MILLIS:
                return duration(((Duration) value).toMillis());
            case FAILURE:
                return failure(JsonPayload.node((Payload) value));
            case ARGUMENTS:
            case VALUE:
                return json(JsonPayload.node((Payload) value));
            case RETRY_POLICY:
                return retryPolicy((RetryPolicy) value);
            case MEMO_UPDATES:
                // the value itself, or the keys that identify the command
                return value instanceof Payload ? json(JsonPayload.node((Payload) value)) : value.toString();
            default:
                return value.toString();
        }
    }

    /** A duration compactly, largest unit first: {@code 3d}, {@code 1h 30m}, {@code 1s 500ms}, {@code 0ms}. */
    public static String duration(long millis) {
        if (millis == 0) {
            return "0ms";
        }
        StringJoiner parts = new StringJoiner(" ", millis < 0 ? "-" : "", "");
        Duration rest = Duration.ofMillis(Math.abs(millis));
        long days = rest.toDays();
        if (days > 0) {
            parts.add(days + "d");
        }
        if (rest.toHoursPart() > 0) {
            parts.add(rest.toHoursPart() + "h");
        }
        if (rest.toMinutesPart() > 0) {
            parts.add(rest.toMinutesPart() + "m");
        }
        if (rest.toSecondsPart() > 0) {
            parts.add(rest.toSecondsPart() + "s");
        }
        if (rest.toMillisPart() > 0) {
            parts.add(rest.toMillisPart() + "ms");
        }
        return parts.toString();
    }

    /** An offset from a history's start as {@code +3d 04:05:06.789}: days, then hours to milliseconds. */
    public static String offset(Duration offset) {
        Duration abs = offset.abs();
        return String.format("%s%dd %02d:%02d:%02d.%03d", offset.isNegative() ? "-" : "+", abs.toDays(),
                abs.toHoursPart(), abs.toMinutesPart(), abs.toSecondsPart(), abs.toMillisPart());
    }

    /**
     * A failure object and its causes on one line, such as
     * {@code ActivityFailure[withdraw, attempt 3] caused by InsufficientFunds "balance is 10"}.
     */
    public static String failure(JsonNode failure) {
        StringJoiner links = new StringJoiner(" caused by ");
        for (JsonNode link : chain(failure)) {
            links.add(failureLink(link));
        }
        return links.toString();
    }

    /** The {@code type} of a failure object and of each of its causes, outermost first. */
    public static List<String> failureTypes(JsonNode failure) {
        List<String> types = new ArrayList<>();
        for (JsonNode link : chain(failure)) {
            types.add(link.path("type").asText("?"));
        }
        return types;
    }

    /**
     * A JSON value as compact JSON, cut at 160 characters; an encoded payload in it as {@code encoded with
     * NAMES}, without its data.
     */
    public static String json(JsonNode value) {
        if (value == null) {
            return "null";
        }
        return abbreviate(EncodedPayloads.containsEncoded(value) ? EncodedPayloads.show(value) : value.toString(),
                MAX_JSON_LENGTH);
    }

    /** {@code text}, cut after {@code max} characters with an ellipsis. */
    public static String abbreviate(String text, int max) {
        return text.length() > max ? text.substring(0, max) + "…" : text;
    }

    /** A failure object and its causes, outermost first (at most {@value #MAX_CAUSE_DEPTH}). */
    private static List<JsonNode> chain(JsonNode failure) {
        List<JsonNode> chain = new ArrayList<>();
        JsonNode current = failure;
        while (current != null && current.isObject() && chain.size() < MAX_CAUSE_DEPTH) {
            chain.add(current);
            current = current.get("cause");
        }
        return chain;
    }

    private static String failureLink(JsonNode failure) {
        String type = failure.path("type").asText("?");
        if ("activity".equals(failure.path("kind").asText())) {
            return type + "[" + failure.path("activityType").asText("?") + ", attempt "
                    + failure.path("attempt").asText("?") + "]";
        }
        if ("childWorkflow".equals(failure.path("kind").asText())) {
            return type + "[" + failure.path("workflowType").asText("?") + ", workflowId "
                    + failure.path("workflowId").asText("?") + "]";
        }
        String message = failure.path("message").asText("");
        return message.isEmpty() ? type : type + " " + abbreviate(TextNode.valueOf(message).toString(), MAX_JSON_LENGTH);
    }

    private static String retryPolicy(RetryPolicy policy) {
        StringJoiner fields = new StringJoiner(", ", "{", "}");
        fields.add("initialInterval=" + duration(policy.getInitialInterval().toMillis()));
        fields.add("backoffCoefficient=" + policy.getBackoffCoefficient());
        fields.add("maximumInterval=" + duration(policy.getMaximumInterval().toMillis()));
        fields.add("maximumAttempts=" + policy.getMaximumAttempts());
        if (!policy.getDoNotRetry().isEmpty()) {
            fields.add("doNotRetry=" + policy.getDoNotRetry());
        }
        return fields.toString();
    }
}
