package dev.hourglass.internal.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hourglass.history.ActivityTaskFailedAttributes;
import dev.hourglass.history.ActivityTaskScheduledAttributes;
import dev.hourglass.history.ActivityTaskStartedAttributes;
import dev.hourglass.history.EventAttributes;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.history.MarkerRecordedAttributes;
import dev.hourglass.history.Payload;
import dev.hourglass.internal.history.EncodedPayloads;
import dev.hourglass.internal.history.EventSchema;
import dev.hourglass.internal.history.EventSchema.Field;
import dev.hourglass.internal.history.EventText;
import dev.hourglass.internal.history.JsonPayload;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The expanded part of an event's row: every attribute that is set, in full. Payloads (inputs, results, details)
 * are whole compact JSON, encoded payloads shown by the codecs that encoded them; failures are their chain of causes,
 * each with its message and stack trace; an event of an activity also names the activity's type and the attempt it
 * belongs to. Every value is escaped.
 *
 * <p>One instance reads the events of one history in order, since an activity's later events name only its id.
 */
final class EventDetails {

    private static final int MAX_CAUSE_DEPTH = 20;

    private final Map<String, String> activityTypes = new LinkedHashMap<>();
    private final Map<String, Integer> attempts = new LinkedHashMap<>();

    /** Appends the details of {@code event}, the next event of the history, as a {@code <dl>}. */
    void append(StringBuilder out, HistoryEvent event) {
        EventAttributes attributes = event.getAttributes();
        out.append("<dl class=\"hg-attributes\">");
        activityContext(out, attributes);
        EventSchema<EventAttributes> schema = EventSchema.of(attributes);
        ObjectNode json = null;
        for (Field<EventAttributes> field : schema.fields()) {
            Object value = field.get(attributes);
            if (value == null && !field.isRequired()) {
                continue;
            }
            out.append("<dt>").append(Html.escape(field.label())).append("</dt><dd>");
            if (value == null) {
                out.append("<code>null</code>");
            } else {
                switch (field.kind()) {
                    case FAILURE:
                        failure(out, JsonPayload.node((Payload) value));
                        break;
                    case ARGUMENTS:
                    case VALUE:
                        pre(out, "hg-json", show(JsonPayload.node((Payload) value)));
                        break;
                    case MEMO_UPDATES:
                        pre(out, "hg-json", value instanceof Payload ? show(JsonPayload.node((Payload) value))
                                : value.toString());
                        break;
                    case TEXT:
                        pre(out, "hg-text", (String) value);
                        break;
                    case SEARCH_ATTRIBUTES:
                    case SEARCH_ATTRIBUTE_UPDATES:
                        json = json != null ? json : schema.toJson(attributes);
                        pre(out, "hg-json", json.path(field.name()).toString());
                        break;
                    default:
                        out.append("<code>").append(Html.escape(EventText.value(field, value))).append("</code>");
                }
            }
            out.append("</dd>");
        }
        localActivityFailure(out, attributes);
        JsonNode unknown = JsonPayload.node(event.getUnknownAttributes());
        if (unknown != null && !(unknown.isObject() && unknown.isEmpty())) {
            out.append("<dt>unknown attributes</dt><dd>");
            pre(out, "hg-json", show(unknown));
            out.append("</dd>");
        }
        out.append("</dl>");
    }

    /**
     * For an event of an activity other than its scheduling, the activity's type and the attempt the event belongs
     * to (a completion or a failure belongs to the attempt that started last), which the event does not say.
     */
    private void activityContext(StringBuilder out, EventAttributes attributes) {
        if (attributes instanceof ActivityTaskScheduledAttributes) {
            ActivityTaskScheduledAttributes scheduled = (ActivityTaskScheduledAttributes) attributes;
            activityTypes.put(scheduled.activityId(), scheduled.activityType());
            return;
        }
        if (!attributes.eventType().name().startsWith("ActivityTask")) {
            return;
        }
        Field<EventAttributes> idField = EventSchema.of(attributes).field("activityId");
        String activityId = idField == null ? null : (String) idField.get(attributes);
        if (activityId == null || !activityTypes.containsKey(activityId)) {
            return;
        }
        Integer attempt = attempts.get(activityId);
        if (attributes instanceof ActivityTaskStartedAttributes) {
            attempt = ((ActivityTaskStartedAttributes) attributes).attempt();
            attempts.put(activityId, attempt);
        } else if (attributes instanceof ActivityTaskFailedAttributes
                && ((ActivityTaskFailedAttributes) attributes).attempt() != null) {
            attempt = ((ActivityTaskFailedAttributes) attributes).attempt();
        }
        out.append("<dt>activity</dt><dd><code>").append(Html.escape(activityTypes.get(activityId)));
        if (attempt != null) {
            out.append(", attempt ").append(attempt);
        }
        out.append("</code></dd>");
    }

    /** The failure of a local activity's marker, with its stack traces, which its details hold as JSON text. */
    private static void localActivityFailure(StringBuilder out, EventAttributes attributes) {
        if (!(attributes instanceof MarkerRecordedAttributes)) {
            return;
        }
        MarkerRecordedAttributes marker = (MarkerRecordedAttributes) attributes;
        JsonNode details = marker.details() == null ? null : JsonPayload.node(marker.details());
        if ("LocalActivity".equals(marker.markerName()) && details != null && details.path("failure").isObject()) {
            out.append("<dt>failure</dt><dd>");
            failure(out, details.get("failure"));
            out.append("</dd>");
        }
    }

    /**
     * A failure object and its causes, outermost first: each as its type and message (or, for a wrapper of an
     * activity, a child workflow or a timeout, what it wraps), its details if any, and its stack trace.
     */
    static void failure(StringBuilder out, JsonNode failure) {
        out.append("<div class=\"hg-failure\">");
        JsonNode link = failure;
        for (int depth = 0; link != null && link.isObject() && depth < MAX_CAUSE_DEPTH; depth++) {
            out.append("<div class=\"hg-failure-link\">");
            if (depth > 0) {
                out.append("caused by: ");
            }
            out.append("<span class=\"hg-failure-type\">").append(Html.escape(heading(link))).append("</span>");
            String message = link.path("message").asText("");
            if (!message.isEmpty() && !isWrapper(link)) {
                out.append(" <span class=\"hg-failure-message\">").append(Html.escape(message)).append("</span>");
            }
            out.append("</div>");
            if (link.has("details")) {
                pre(out, "hg-json", show(link.get("details")));
            }
            String stackTrace = stackTrace(link.path("stackTrace").asText(""));
            if (!stackTrace.isEmpty()) {
                pre(out, "hg-stack", stackTrace);
            }
            link = link.get("cause");
        }
        out.append("</div>");
    }

    private static boolean isWrapper(JsonNode failure) {
        String kind = failure.path("kind").asText("");
        return kind.equals("activity") || kind.equals("childWorkflow") || kind.equals("timeout");
    }

    private static String heading(JsonNode failure) {
        String type = failure.path("type").asText("?");
        switch (failure.path("kind").asText("")) {
            case "activity":
                return type + "[" + failure.path("activityType").asText("?") + ", attempt "
                        + failure.path("attempt").asText("?") + "]";
            case "childWorkflow":
                return type + "[" + failure.path("workflowType").asText("?") + ", workflowId "
                        + failure.path("workflowId").asText("?") + "]";
            case "timeout":
                return type + "[" + failure.path("timeoutType").asText("?") + "]";
            default:
                return type;
        }
    }

    /** The frames of a stack trace, one a line, each stripped of the tab it was recorded with. */
    private static String stackTrace(String text) {
        StringBuilder frames = new StringBuilder();
        for (String frame : text.split("\\R")) {
            if (!frame.isBlank()) {
                frames.append(frames.length() == 0 ? "" : "\n").append(frame.strip());
            }
        }
        return frames.toString();
    }

    /** A JSON value in full as compact JSON, each encoded payload in it shown by the codecs that encoded it. */
    private static String show(JsonNode node) {
        return node == null ? "null" : EncodedPayloads.show(node);
    }

    private static void pre(StringBuilder out, String cssClass, String text) {
        out.append("<pre class=\"").append(cssClass).append("\">").append(Html.escape(text)).append("</pre>");
    }
}
