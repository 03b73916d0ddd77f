package dev.hourglass.cli;

import dev.hourglass.cli.ui.Failures;
import dev.hourglass.common.RetryPolicy;
import dev.hourglass.history.ActivityTaskFailedAttributes;
import dev.hourglass.history.ActivityTaskScheduledAttributes;
import dev.hourglass.history.ActivityTaskStartedAttributes;
import dev.hourglass.history.EventAttributes;
import dev.hourglass.history.EventType;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.history.Payload;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A history's events, one line each: the event id, the time in UTC, the type and every attribute, payloads (inputs,
 * results, signal arguments) in full as JSON; activity events name the activity and the attempt; failures follow
 * their event's line with their causes and stack traces.
 */
final class EventLines {

    private static final String FAILURE_INDENT = "      ";

    private final History history;
    private final Map<String, String> activityTypes = new HashMap<>();
    private final Map<String, Integer> attempts = new HashMap<>();

    private EventLines(History history) {
        this.history = history;
    }

    /** Prints the events of {@code history}. */
    static void print(History history, PrintWriter out) {
        new EventLines(history).print(out);
    }

    private void print(PrintWriter out) {
        int idWidth = "EVENT".length();
        int typeWidth = "TYPE".length();
        for (HistoryEvent event : history.getEvents()) {
            idWidth = Math.max(idWidth, String.valueOf(event.getEventId()).length());
            typeWidth = Math.max(typeWidth, event.getEventType().name().length());
        }
        String format = "%" + idWidth + "s  %-24s  %-" + typeWidth + "s  %s";
        out.println(String.format(format, "EVENT", "TIME", "TYPE", "DETAILS").stripTrailing());
        for (HistoryEvent event : history.getEvents()) {
            List<Payload> failures = new ArrayList<>();
            String details = details(event, failures);
            out.println(String.format(format, event.getEventId(), Times.format(event.getEventTime()),
                    event.getEventType().name(), details).stripTrailing());
            for (Payload failure : failures) {
                Failures.withStackTraces(failure, FAILURE_INDENT).forEach(out::println);
            }
        }
    }

    /** The attributes of the event as {@code name=value}; adds its failures to {@code failures}. */
    private String details(HistoryEvent event, List<Payload> failures) {
        EventAttributes attributes = event.getAttributes();
        StringJoiner text = new StringJoiner(" ");
        activityContext(attributes, text);
        boolean activityEvent = activityId(attributes) != null;
        for (RecordComponent component : attributes.getClass().getRecordComponents()) {
            String name = component.getName();
            Object value = read(component, attributes);
            if (value == null || Boolean.FALSE.equals(value) || repeatsTheHeader(event, name, value)
                    || (name.equals("attempt") && activityEvent)) {
                continue;
            }
            if (name.equals("failure") && value instanceof Payload failure) {
                failures.add(failure);
                text.add("failure=" + Failures.oneLine(failure));
            } else {
                text.add(name + "=" + value(value));
            }
        }
        Payload unknown = event.getUnknownAttributes();
        if (unknown != null) {
            text.add("unknownAttributes=" + unknown.toJson());
        }
        return text.toString();
    }

    /**
     * For an event of an activity, its type and the attempt the event belongs to, first, whether the event says them
     * or not: a completion or a failure belongs to the attempt that started last. (Only the last attempt of an
     * activity is recorded: retried attempts leave no events.)
     */
    private void activityContext(EventAttributes attributes, StringJoiner text) {
        if (attributes instanceof ActivityTaskScheduledAttributes scheduled) {
            activityTypes.put(scheduled.activityId(), scheduled.activityType());
            return;
        }
        String activityId = activityId(attributes);
        if (activityId == null) {
            return;
        }
        String type = activityTypes.get(activityId);
        if (type != null) {
            text.add("activity=" + type);
        }
        Integer attempt = attempts.get(activityId);
        if (attributes instanceof ActivityTaskStartedAttributes started) {
            attempt = started.attempt();
            attempts.put(activityId, attempt);
        } else if (attributes instanceof ActivityTaskFailedAttributes failed && failed.attempt() != null) {
            attempt = failed.attempt();
        }
        if (attempt != null) {
            text.add("attempt=" + attempt);
        }
    }

    private static String activityId(EventAttributes attributes) {
        for (RecordComponent component : attributes.getClass().getRecordComponents()) {
            if (component.getName().equals("activityId") && attributes.eventType().name().startsWith("Activity")) {
                return (String) read(component, attributes);
            }
        }
        return null;
    }

    /** The workflow type and task queue of the started event, which the header says already. */
    private boolean repeatsTheHeader(HistoryEvent event, String name, Object value) {
        boolean startsThisRun = event.getEventType() == EventType.WorkflowExecutionStarted;
        return (name.equals("taskQueue") && value.equals(history.getTaskQueue()))
                || (startsThisRun && name.equals("workflowType") && value.equals(history.getWorkflowType()));
    }

    private static String value(Object value) {
        if (value instanceof Payload payload) {
            return payload.toDisplayText();
        }
        if (value instanceof Duration duration) {
            return Times.format(duration);
        }
        if (value instanceof Instant instant) {
            return Times.format(instant);
        }
        if (value instanceof RetryPolicy policy) {
            return retryPolicy(policy);
        }
        if (value instanceof String string && (string.isEmpty() || !string.matches("[\\w.:@/+-]+"))) {
            return Json.quote(string);
        }
        return value.toString();
    }

    private static String retryPolicy(RetryPolicy policy) {
        StringJoiner fields = new StringJoiner(",", "{", "}");
        fields.add("initialInterval=" + Times.format(policy.getInitialInterval()));
        fields.add("backoffCoefficient=" + policy.getBackoffCoefficient());
        fields.add("maximumInterval=" + Times.format(policy.getMaximumInterval()));
        fields.add("maximumAttempts=" + policy.getMaximumAttempts());
        if (!policy.getDoNotRetry().isEmpty()) {
            fields.add("doNotRetry=" + policy.getDoNotRetry());
        }
        return fields.toString();
    }

    private static Object read(RecordComponent component, EventAttributes attributes) {
        try {
            return component.getAccessor().invoke(attributes);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + attributes, e);
        }
    }
}
